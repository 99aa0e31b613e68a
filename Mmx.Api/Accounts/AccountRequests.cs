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

public sealed record LoginRequest(
    int? Mode,
    int? Type,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Account,
    string? Email,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    string? Password,
    string? Dev,
    string? OpenID,
    string? AccessToken);

public sealed record PersonalRequest(int? Attr, string? Name, string? Portrait, int? Gender, long? City);

public sealed record AddressRequest(
    long? AddrID,
    string? Name,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    string? Address,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Postcode);

public sealed record AddressIdRequest(long? AddrID);

public sealed record FeedbackRequest(string? Feedback);

public sealed record FeedbackReplyRequest(long? Uid, string? Content);

/// <summary>/user/delete: the proof that the owner asks (password; or a ticket of the bound phone for an account without one).</summary>
public sealed record DeleteAccountRequest(string? Password, string? Ticket, string? AccessToken);
