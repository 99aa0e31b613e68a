namespace Mmx.Grains.Accounts;

/// <summary>
/// One per login session (key: SHA-256 of the token, hex). API fronts ask this grain (and may
/// remember its answer for a few seconds, dropped at once when the session closes: see
/// <see cref="ISessionRevocationGrain"/>); its state is persisted, so a logout holds also after a
/// restart. A session unused for 30 days expires.
/// </summary>
[Alias("mmx.accounts.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Opens the session for an account. Idempotent; a closed session stays closed.</summary>
    [Alias("Open")]
    Task Open(long accId);

    /// <summary>The account of a live session (and marks it used), or null when closed, expired or unknown.</summary>
    [Alias("Validate")]
    Task<long?> Validate();

    /// <summary>
    /// <see cref="Validate"/> for a long-lived connection (an event stream, a chat socket): the
    /// account and the latest moment the session can still be live if it is not used again (its
    /// idle or its absolute expiry, whichever comes first), or null when it is not live.
    /// </summary>
    [Alias("Lease")]
    Task<SessionLease?> Lease();

    /// <summary>Ends the session for good and tells every front. Idempotent.</summary>
    [Alias("Close")]
    Task Close();
}

/// <summary>A live session as a long-lived connection holds it: whose, and until when at the latest.</summary>
[GenerateSerializer, Alias("mmx.accounts.SessionLease")]
public sealed record SessionLease
{
    [Id(0)] public long AccId { get; init; }
    [Id(1)] public DateTimeOffset Until { get; init; }
}
