namespace Mmx.Grains.Accounts;

/// <summary>
/// Tells every API front that a session has ended, so that fronts may remember validated
/// sessions for a few seconds without missing a logout (docs/decisions.md, "Session cache").
/// One hub for the cluster (key 0): fronts subscribe and renew every few seconds; a closed session
/// is announced to each of them before the logout answers.
/// </summary>
[Alias("mmx.accounts.ISessionRevocationGrain")]
public interface ISessionRevocationGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or renews a front's subscription. Answers whether the hub already had it: when
    /// not (a first subscription, a hub that restarted, or a front dropped after a missed
    /// renewal or announcement), the front may have missed announcements and forgets what it
    /// remembered.</summary>
    [Alias("Subscribe")]
    Task<bool> Subscribe(ISessionRevocationObserver front);

    [Alias("Unsubscribe")]
    Task Unsubscribe(ISessionRevocationObserver front);

    /// <summary>Announces a closed session (of account <paramref name="accId"/>, 0 when unknown) to every subscribed front and waits for them (briefly).</summary>
    [Alias("Revoke")]
    Task Revoke(string tokenHash, long accId);
}
