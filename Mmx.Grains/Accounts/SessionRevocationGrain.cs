using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Mmx.Grains.Accounts;

/// <summary>
/// The fronts' subscriptions live in memory only: a front renews every few seconds, and one that
/// stops renewing (stopped or unreachable) is dropped after <see cref="Expiry"/> of real time
/// (a liveness matter between processes, not MMX's business clock).
/// </summary>
public sealed class SessionRevocationGrain : Grain, ISessionRevocationGrain
{
    /// <summary>How long a subscription lasts without renewal; fronts renew well within it.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    // A front that does not answer within this is dropped rather than hold up the logout; its
    // next renewal finds it unknown, and it forgets its cache (SessionCache).
    private static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(2);

    private readonly ObserverManager<ISessionRevocationObserver> _fronts;

    public SessionRevocationGrain(ILogger<SessionRevocationGrain> logger)
    {
        _fronts = new ObserverManager<ISessionRevocationObserver>(Expiry, logger);
    }

    public Task<bool> Subscribe(ISessionRevocationObserver front)
    {
        _fronts.ClearExpired();
        var known = _fronts.Observers.ContainsKey(front);
        _fronts.Subscribe(front, front);
        return Task.FromResult(known);
    }

    public Task Unsubscribe(ISessionRevocationObserver front)
    {
        _fronts.Unsubscribe(front);
        return Task.CompletedTask;
    }

    public Task Revoke(string tokenHash, long accId) =>
        _fronts.Notify(front => front.Revoked(tokenHash, accId).WaitAsync(NotifyTimeout));
}
