namespace Mmx.Grains.Accounts;

/// <summary>
/// One per mobile number (key: 11 digits): the account it belongs to, its SMS codes with their
/// limits, and the one-use verification that registration, password reset and binding need.
/// Being one activation per number, it makes racing registrations of a number end in one account.
/// </summary>
[Alias("mmx.accounts.IPhoneGrain")]
public interface IPhoneGrain : IGrainWithStringKey
{
    /// <summary>Sends a new 6-digit code: TooManyRequests within 60 s of the last or past 10 today, UpstreamFailed when the sender fails.</summary>
    [Alias("SendCode")]
    Task<Err> SendCode();

    /// <summary>Checks a code: Ok marks the number verified for 10 minutes; CodeInvalid when wrong, expired or used up.</summary>
    [Alias("VerifyCode")]
    Task<Err> VerifyCode(string code);

    /// <summary>Whether a verification is waiting to be used (a cheap pre-check; the actions check again).</summary>
    [Alias("IsVerified"), ReadOnly]
    Task<bool> IsVerified();

    /// <summary>
    /// Registers an account for this number: PhoneNotVerified, AlreadyExists, or Ok with the new
    /// accID. A retry after a failure mid-way completes the same registration.
    /// </summary>
    [Alias("Register")]
    Task<Outcome<long>> Register(string passwordHash);

    /// <summary>Sets a new password for the number's account: PhoneNotVerified or NotFound otherwise.</summary>
    [Alias("ResetPassword")]
    Task<Err> ResetPassword(string passwordHash);

    /// <summary>Binds the number to an account: PhoneNotVerified, AlreadyExists (another account's), or Ok.</summary>
    [Alias("Bind")]
    Task<Err> Bind(long accId);

    /// <summary>Unbinds the number, only while it belongs to this account. Idempotent.</summary>
    [Alias("Release")]
    Task Release(long accId);

    /// <summary>The account the number belongs to, or null.</summary>
    [Alias("Owner"), ReadOnly]
    Task<long?> Owner();
}
