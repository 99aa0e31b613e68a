namespace Mmx.Grains.Accounts;

/// <summary>
/// One per mobile number (key: 11 digits): the account it belongs to, its SMS codes with their
/// limits, and the verification ticket that registration, password reset and binding need.
/// Being one activation per number, it makes racing registrations of a number end in one account.
/// A ticket is known here only by its SHA-256 (<paramref name="ticketHash"/> below): the client that
/// typed the code holds the ticket, so a verification belongs to that client, never to the number.
/// </summary>
[Alias("mmx.accounts.IPhoneGrain")]
public interface IPhoneGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sends a new 6-digit code for <paramref name="client"/> (its address, as the front counts
    /// it): TooManyRequests within 30 s of the last, past 10 today, or past 5 today for that
    /// client; UpstreamFailed when the sender fails.
    /// </summary>
    [Alias("SendCode")]
    Task<Err> SendCode(string client);

    /// <summary>
    /// Checks a code: Ok makes <paramref name="ticketHash"/> the number's ticket for 10 minutes and
    /// one use (replacing any earlier ticket); CodeInvalid when wrong, expired or used up, and for a
    /// client that already guessed wrong 5 times (the code stays good for others until 20 in all).
    /// </summary>
    [Alias("VerifyCode")]
    Task<Err> VerifyCode(string code, string ticketHash, string client);

    /// <summary>Whether this is the number's live ticket (a cheap pre-check; the actions check again).</summary>
    [Alias("HasTicket"), ReadOnly]
    Task<bool> HasTicket(string ticketHash);

    /// <summary>Spends the ticket (proof of this number for another action). PhoneNotVerified when it is not the live one.</summary>
    [Alias("SpendTicket")]
    Task<Err> SpendTicket(string ticketHash);

    /// <summary>
    /// Registers an account for this number: PhoneNotVerified without the live ticket (checked
    /// first, so nothing tells a registered number from a free one), AlreadyExists, or Ok with the
    /// new accID. An unconfirmed binding of the number is released first. A retry after a failure
    /// mid-way completes the same registration.
    /// </summary>
    [Alias("Register")]
    Task<Outcome<long>> Register(string ticketHash, string passwordHash);

    /// <summary>
    /// Sets a new password for the number's account: PhoneNotVerified without the live ticket,
    /// NotFound without an account. An unconfirmed binding is released instead (NotFound, the
    /// account untouched, the ticket kept): proof of a number never opens an account that only
    /// claimed it.
    /// </summary>
    [Alias("ResetPassword")]
    Task<Err> ResetPassword(string ticketHash, string passwordHash);

    /// <summary>
    /// Binds the number to an account. With the number's live ticket the binding is confirmed (and
    /// takes the number from an unconfirmed binding of someone else); without one (null or not the
    /// live ticket) it is made unconfirmed, only when <paramref name="unconfirmedAllowed"/> (the
    /// caller proved the account's current phone) and nobody holds the number; else
    /// PhoneNotVerified. AlreadyExists when another account holds it, answered only with the
    /// number's ticket (PhoneNotVerified without it). An unconfirmed binding lapses
    /// (is released) when not confirmed within 7 days.
    /// </summary>
    [Alias("Bind")]
    Task<Err> Bind(long accId, string? ticketHash, bool unconfirmedAllowed);

    /// <summary>Unbinds the number, only while it belongs to this account. Idempotent.</summary>
    [Alias("Release")]
    Task Release(long accId);

    /// <summary>
    /// A friend invitation by this number from <paramref name="from"/>: the number's account, for
    /// the caller to invite, or null when it has none: then the invitation is kept for whoever
    /// signs up with the number (and the number gets an SMS invitation, once in 30 days).
    /// </summary>
    [Alias("Invite")]
    Task<long?> Invite(long from, string remark);

    /// <summary>The account the number belongs to, or null.</summary>
    [Alias("Owner"), ReadOnly]
    Task<long?> Owner();
}
