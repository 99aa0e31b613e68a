using System.Text.Json.Serialization;

namespace Mmx.Api.Accounts;

// Request bodies of the accounts routes, field names as the spec spells them. Every field is
// nullable so that a missing field is told apart from an empty one; numbers that clients may send
// as strings (phones, codes, accounts) accept both.

public sealed record PhoneRequest([property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone);

public sealed record VerifyCodeRequest(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Code);

/// <summary>register and resetpw: the ticket may come here or as the mmx_verify cookie.</summary>
public sealed record PhonePasswordRequest(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    string? Password,
    string? Ticket);

/// <summary>bindphone: the new number, a ticket (of the new or the current number) and/or the account's password.</summary>
public sealed record BindPhoneRequest(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    string? Ticket,
    string? Password);

[WireExample("phone", "By phone and password (mode 2); the password as the apps send it, its hex MD5",
    """{"mode": 2, "type": 4, "phone": "13800138000", "password": "4c9894f99114160e70582fa6a5d739c4", "dev": "iPhone"}""")]
[WireExample("account", "By mcode or accID (mode 1; an m prefix is read too)",
    """{"mode": 1, "type": 4, "account": "m100000001", "password": "4c9894f99114160e70582fa6a5d739c4", "dev": "iPhone"}""")]
[WireExample("provider", "By a third-party provider (mode 4-7: QQ, WeChat, Weibo, Alipay)",
    """{"mode": 5, "type": 4, "openID": "o6_bmjrPTlm6_2sgVt7hMZOPfL2M", "accessToken": "ACCESS_TOKEN", "dev": "iPhone"}""")]
public sealed record LoginRequest(
    int? Mode,
    int? Type,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Account,
    string? Email,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    string? Password,
    string? Dev,
    string? OpenID,
    string? AccessToken,
    // A fresh SMS ticket of the account's phone (mode 2): the owner's way past a login hold.
    string? Ticket = null);

public sealed record PersonalRequest(int? Attr, string? Name, string? Portrait, int? Gender, long? City);

public sealed record AddressRequest(
    long? AddrID,
    string? Name,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    string? Address,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Postcode);

public sealed record AddressIdRequest(long? AddrID);

public sealed record FeedbackRequest(string? Feedback);

/// <summary>/user/delete: the proof that the owner asks (password; or a ticket of the bound phone for an account without one).</summary>
public sealed record DeleteAccountRequest(string? Password, string? Ticket, string? AccessToken);

/// <summary>/basic/phonevalidate POST: the code sent to the phone in the path.</summary>
public sealed record CodeRequest([property: JsonConverter(typeof(StringOrNumberConverter))] string? Code);
