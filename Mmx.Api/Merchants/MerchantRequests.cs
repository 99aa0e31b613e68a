using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mmx.Api.Merchants;

// Request bodies of the merchant portal's routes, field names as the shipped portal
// (thm-tech/fd_web_cli views/platform, views/merchant) sends them. Every field is nullable so that
// a missing field is told apart from an empty one.

/// <summary>
/// POST /merchant: the portal's sign-up form. <c>telephone_no</c> is the number the portal has
/// verified by SMS (/basic/phonevalidate): the merchant's own, for login and password resets;
/// <c>contact_phone_no</c> is the shop's phone for customers. The ticket comes here or as the
/// mmx_verify cookie.
/// </summary>
[WireExample("portal", "The portal's sign-up form (the password as the portal sends it, its hex MD5)",
    """{"account": "haianshop", "password": "4c9894f99114160e70582fa6a5d739c4", "contact_name": "王女士", "contact_phone_no": "0755-86000000", "telephone_no": "13800138000", "shop_name": "海岸城旗舰店", "brand_name": "喵喵", "business_hours": "10:00-22:00", "city_id": 1, "district_id": 0, "business_area": "后海", "address": "文心五路33号", "longitude": 113.936, "latitude": 22.517, "category_list": [1]}""")]
public sealed record MerchantSignUpRequest(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Account,
    string? Password,
    [property: JsonPropertyName("contact_name")] string? ContactName,
    [property: JsonPropertyName("contact_phone_no"), JsonConverter(typeof(StringOrNumberConverter))] string? ContactPhoneNo,
    [property: JsonPropertyName("contact_email")] string? ContactEmail,
    [property: JsonPropertyName("contact_qq"), JsonConverter(typeof(StringOrNumberConverter))] string? ContactQq,
    [property: JsonPropertyName("shop_name")] string? ShopName,
    [property: JsonPropertyName("brand_name")] string? BrandName,
    [property: JsonPropertyName("business_hours")] string? BusinessHours,
    [property: JsonPropertyName("telephone_no"), JsonConverter(typeof(StringOrNumberConverter))] string? TelephoneNo,
    [property: JsonPropertyName("city_id")] long? CityId,
    [property: JsonPropertyName("district_id")] long? DistrictId,
    [property: JsonPropertyName("business_area")] string? BusinessArea,
    string? Address,
    double? Longitude,
    double? Latitude,
    /// <summary>Category ids: a list, or one id, as numbers or strings.</summary>
    [property: JsonPropertyName("category_list")] JsonElement? CategoryList,
    string? Ticket);

/// <summary>
/// PUT /shop/{sid}: the shop's details as the portal's shop page edits them (here
/// <c>telephone_no</c> is the shop's phone for customers).
/// </summary>
[WireExample("portal", "The portal's shop page form",
    """{"shop_name": "海岸城旗舰店", "brand_name": "喵喵", "business_hours": "10:00-22:00", "telephone_no": "0755-86000000", "city_id": 1, "district_id": 0, "business_area": "后海", "address": "文心五路33号", "longitude": 113.936, "latitude": 22.517, "category_list": [1, 11]}""")]
public sealed record ShopFieldsRequest(
    [property: JsonPropertyName("shop_name")] string? ShopName,
    [property: JsonPropertyName("brand_name")] string? BrandName,
    [property: JsonPropertyName("business_hours")] string? BusinessHours,
    [property: JsonPropertyName("telephone_no"), JsonConverter(typeof(StringOrNumberConverter))] string? TelephoneNo,
    [property: JsonPropertyName("city_id")] long? CityId,
    [property: JsonPropertyName("district_id")] long? DistrictId,
    [property: JsonPropertyName("business_area")] string? BusinessArea,
    string? Address,
    double? Longitude,
    double? Latitude,
    [property: JsonPropertyName("category_list")] JsonElement? CategoryList);

/// <summary>PUT or POST /shop/{sid}/introduction.</summary>
public sealed record ShopIntroductionRequest(string? Introduction);

/// <summary>PUT or POST /shop/{sid}/image: the pictures in order, a list or the portal's comma-joined string ("" for none).</summary>
[WireExample("portal", "The portal's picture list after an upload",
    """{"pic_url_list": "http://localhost/img/3f2a.jpg,http://localhost/img/9c1b.jpg"}""")]
public sealed record ShopPicturesRequest([property: JsonPropertyName("pic_url_list")] JsonElement? PicUrlList);

/// <summary>POST /merchant/login: the login name (or the verified phone) and the password.</summary>
[WireExample("portal", "The portal's login (the hex MD5 of the password)",
    """{"account": "haianshop", "password": "4c9894f99114160e70582fa6a5d739c4"}""")]
public sealed record MerchantLoginRequest(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Account,
    string? Password,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Type);

/// <summary>PUT /merchant/{sid}/password.</summary>
public sealed record MerchantPasswordRequest(
    [property: JsonPropertyName("old_password")] string? OldPassword,
    [property: JsonPropertyName("new_password")] string? NewPassword);

/// <summary>POST /merchant/{sid}/info: the contact as the portal's settings page edits it.</summary>
public sealed record MerchantContactRequest(
    [property: JsonPropertyName("contact_name")] string? ContactName,
    [property: JsonPropertyName("contact_phone_no"), JsonConverter(typeof(StringOrNumberConverter))] string? ContactPhoneNo,
    [property: JsonPropertyName("contact_email")] string? ContactEmail,
    [property: JsonPropertyName("contact_qq"), JsonConverter(typeof(StringOrNumberConverter))] string? ContactQq,
    [property: JsonPropertyName("portrait_url")] string? PortraitUrl);

/// <summary>
/// POST /goods (a new goods item: description and price needed) and PUT /goods/{gid} (the fields
/// named change, the portal sends one at a time). <c>pic_url_list</c> is a list or the portal's
/// comma-joined string; <c>basic_info</c> the JSON text of <c>[{paramsName, paramsValue}]</c> or the
/// list; prices numbers or strings; <c>category_id</c> is read and not kept (a shop's categories
/// are its own; goods have none in MMX).
/// </summary>
[WireExample("portal", "The portal's goods form (POST /goods)",
    """{"shop_id": 1000000000, "category_id": 11, "description": "棉麻连衣裙", "detail": "夏季新款", "bar_code": "6901234567892", "brand_name": "喵喵", "price": "199", "promotion_price": "159", "pic_url_list": "https://img.example.com/a.jpg,https://img.example.com/b.jpg", "remark": "手洗", "basic_info": "[{\"paramsName\":\"款式\",\"paramsValue\":\"宽松\"}]", "is_sendall": true}""")]
public sealed record GoodsFieldsRequest(
    [property: JsonPropertyName("shop_id")] long? ShopId,
    [property: JsonPropertyName("category_id")] long? CategoryId,
    string? Description,
    string? Detail,
    [property: JsonPropertyName("bar_code"), JsonConverter(typeof(StringOrNumberConverter))] string? BarCode,
    JsonElement? Price,
    [property: JsonPropertyName("promotion_price")] JsonElement? PromotionPrice,
    [property: JsonPropertyName("brand_name")] string? BrandName,
    [property: JsonPropertyName("basic_info")] JsonElement? BasicInfo,
    [property: JsonPropertyName("pic_url_list")] JsonElement? PicUrlList,
    [property: JsonPropertyName("is_sendall"), JsonConverter(typeof(SwitchConverter))] int? IsSendall,
    string? Remark,
    [property: JsonConverter(typeof(SwitchConverter))] int? Status);

/// <summary>PUT /goods/status: goods of the merchant's shop on the shelf (1), off it (0) or deleted (2); ids a list or the portal's comma-joined string.</summary>
[WireExample("portal", "The portal takes two goods off the shelf", """{"ids": "1000000000000,1000000000001", "status": 0}""")]
public sealed record GoodsStatusRequest(JsonElement? Ids, int? Status);

/// <summary>POST /shop/{sid}/activities: days as yyyy-MM-dd, both inclusive (act_content is the portal's JSON text of its paragraphs, kept as written).</summary>
[WireExample("portal", "The portal's activity form", """{"act_title": "夏季五折", "act_content": "[\"全场五折\"]", "begin_time": "2026-12-08", "end_time": "2026-12-20"}""")]
public sealed record ActivityRequest(
    [property: JsonPropertyName("act_title")] string? ActTitle,
    [property: JsonPropertyName("act_content")] string? ActContent,
    [property: JsonPropertyName("begin_time")] string? BeginTime,
    [property: JsonPropertyName("end_time")] string? EndTime);

/// <summary>
/// POST /shop/{sid}/fansmessage: <c>sendall</c> true sends to every fan whose messages are on,
/// false to those of <c>userids</c> (a list or comma-joined) who are; one message of the month's quota.
/// </summary>
[WireExample("portal", "The portal messages all fans", """{"sendall": true, "userids": "", "message": "新品到店，欢迎光临"}""")]
public sealed record FansMessageRequest(
    [property: JsonConverter(typeof(SwitchConverter))] int? Sendall,
    JsonElement? Userids,
    string? Message,
    string? Title);

/// <summary>/merchant/forgetpassword's body (or query): the step and the fields that step reads.</summary>
public sealed record MerchantResetRequest(
    string? Step,
    [property: JsonPropertyName("acc_or_pho"), JsonConverter(typeof(StringOrNumberConverter))] string? AccOrPho,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    [property: JsonPropertyName("phone_captcha"), JsonConverter(typeof(StringOrNumberConverter))] string? PhoneCaptcha,
    [property: JsonPropertyName("shop_id")] long? ShopId,
    [property: JsonPropertyName("new_password")] string? NewPassword,
    string? Ticket);
