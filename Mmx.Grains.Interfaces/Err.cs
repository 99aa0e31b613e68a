namespace Mmx.Grains;

/// <summary>
/// The `err` codes of the contract (docs/api-contract.md, "Error codes"): the one place they are
/// defined. Grains answer them in their results; the API front writes them as numbers.
/// </summary>
[GenerateSerializer, Alias("mmx.Err")]
public enum Err
{
    Ok = 0,
    /// <summary>Malformed JSON, missing or invalid field, unknown mode or type, out-of-range paging.</summary>
    BadRequest = 1,
    /// <summary>No session, or an invalid, expired or logged-out token.</summary>
    NotLoggedIn = 2,
    /// <summary>Logged in but not allowed (also: a wrong admin key).</summary>
    Forbidden = 3,
    /// <summary>Unknown user, shop, goods, address, activity, invitation, city or category.</summary>
    NotFound = 4,
    AlreadyExists = 5,
    LimitReached = 6,
    TooManyRequests = 7,
    WrongCredentials = 8,
    CodeInvalid = 9,
    PhoneNotVerified = 10,
    Unsupported = 11,
    UpstreamFailed = 12,
    /// <summary>An unexpected server fault, logged with the correlation id the answer carries.</summary>
    Internal = 99,
}
