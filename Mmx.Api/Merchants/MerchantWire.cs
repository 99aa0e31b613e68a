using System.Text.Json.Serialization;

namespace Mmx.Api.Merchants;

// The merchant portal's answers in the original's spelling: every one carries is_success beside
// MMX's err (the portal reads is_success; a failure's answer says false too, ErrorResponses).

/// <summary>POST /merchant: the new shop's id (the merchant's id in the portal's paths).</summary>
public sealed record MerchantSignUpReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("shop_id")] long ShopId);

/// <summary>GET /merchant/isexist.</summary>
public sealed record MerchantExistsReply(Err Err,
    [property: JsonPropertyName("is_exist")] bool IsExist);

/// <summary>
/// POST /merchant/login: the shop, the contact's picture, the service status (the portal's
/// numbers: 1 awaiting audit, 2 in service, 3 stopped, 4 not approved, 5 period over, 6 closed)
/// and the session token (also the HttpOnly mmx_merchant cookie).
/// </summary>
public sealed record MerchantLoginReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("shop_id")] long ShopId,
    [property: JsonPropertyName("portrait_url"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PortraitUrl,
    [property: JsonPropertyName("merchant_service_status")] int MerchantServiceStatus,
    string Token);

/// <summary>A portal action that answers only success and the shop.</summary>
public sealed record MerchantDoneReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("shop_id")] long ShopId);

/// <summary>GET /merchant/{sid}/info: the contact.</summary>
public sealed record MerchantInfoReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("shop_id")] long ShopId,
    [property: JsonPropertyName("contact_name")] string ContactName,
    [property: JsonPropertyName("contact_phone_no")] string ContactPhoneNo,
    [property: JsonPropertyName("contact_email")] string ContactEmail,
    [property: JsonPropertyName("contact_qq")] string ContactQq,
    [property: JsonPropertyName("portrait_url"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PortraitUrl);

/// <summary>
/// GET /merchant/{sid}/serviceinfo: the status (numbers as at login), the end of the service
/// period (<c>yyyy-MM-dd HH:mm:ss</c>, Asia/Shanghai; null before approval), the fan messages
/// left this month, and why a sign-up was refused.
/// </summary>
public sealed record MerchantServiceReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("shop_id")] long ShopId,
    [property: JsonPropertyName("service_status")] int ServiceStatus,
    [property: JsonPropertyName("service_deadline"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ServiceDeadline,
    [property: JsonPropertyName("quota")] int Quota,
    [property: JsonPropertyName("remain")] int Remain,
    [property: JsonPropertyName("reject_reason")] string RejectReason);

/// <summary>GET /merchant/{sid}/msgconfig: fan messages a month and those left (the original's mass_remain_count).</summary>
public sealed record MerchantMessageConfigReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("shop_id")] long ShopId,
    [property: JsonPropertyName("mass_count")] int MassCount,
    [property: JsonPropertyName("mass_remain_count")] int MassRemainCount);

/// <summary>
/// /merchant/forgetpassword, every step: is_account_exist answers is_exist, the verified phone
/// masked and the shop; validate_phone_captcha the one-use ticket (also the mmx_verify cookie)
/// that reset_password spends; the fields a step does not answer are null.
/// </summary>
public sealed record MerchantResetReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("is_exist")] bool? IsExist,
    string? Phone,
    [property: JsonPropertyName("shop_id")] long? ShopId,
    string? Ticket);
