using System.Collections.Concurrent;
using Mmx.Grains.Accounts;
using Mmx.Grains.Common;

namespace Mmx.Api.Access;

/// <summary>
/// This front's memory of sessions its session grains recently confirmed, so that a busy session
/// costs one grain call every <c>Mmx:Sessions:CacheSeconds</c> (20 s by default; 0 turns the cache
/// off) instead of one per request. A closed session is announced by
/// <see cref="ISessionRevocationGrain"/> before the logout answers, and forgotten here at once.
/// The cache is used only while this front's subscription to those announcements is renewed:
/// a front that cannot renew asks the grains on every request, as it would without a cache.
/// </summary>
public sealed class SessionCache : BackgroundService, ISessionRevocationObserver
{
    /// <summary>How often the subscription is renewed (the hub drops it after 30 s without).</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    // Past this since the last successful renewal the hub may have dropped this front.
    private static readonly TimeSpan TrustSubscriptionFor = TimeSpan.FromSeconds(25);
    // A bound on memory, checked at each renewal (counting takes every lock of the dictionary,
    // too dear per request): far above the sessions one front sees in a cache period. Only
    // sessions a grain confirmed are remembered, so made-up tokens cannot fill it.
    private const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly LiveConnections _connections;
    private readonly TimeProvider _time;
    // Renewal is a liveness protocol with the hub, on real time (as the hub's expiry is); only
    // the entries' ages follow MMX's clock, which tests move to expire sessions.
    private readonly TimeProvider _realTime = TimeProvider.System;
    private readonly ILogger<SessionCache> _logger;
    private readonly TimeSpan _ttl;
    private long _generation;
    private long _subscribedAtTicks; // UTC ticks of the last renewal, 0 when not subscribed

    public SessionCache(
        IGrainFactory grains,
        [FromKeyedServices(MmxClock.Key)] TimeProvider time,
        SessionSettings settings,
        LiveConnections connections,
        ILogger<SessionCache> logger)
    {
        _grains = grains;
        _connections = connections;
        _time = time;
        _logger = logger;
        _ttl = TimeSpan.FromSeconds(settings.CacheSeconds);
    }

    private sealed record Entry(long AccId, DateTimeOffset ConfirmedAt);

    /// <summary>The account of a live session, or null when it is closed, expired or unknown.</summary>
    public ValueTask<long?> Validate(string tokenHash) =>
        TryRemembered(tokenHash) is long accId ? ValueTask.FromResult<long?>(accId) : Ask(tokenHash);

    /// <summary>
    /// Drops a session this front knows to be over (an announcement, its own logout route), and
    /// ends its long-lived connections (and those the account holds by its password, when known).
    /// </summary>
    public void Forget(string tokenHash, long accId = 0)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(tokenHash, out _);
        _connections.EndSession(tokenHash, accId);
    }

    Task ISessionRevocationObserver.Revoked(string tokenHash, long accId)
    {
        Forget(tokenHash, accId);
        return Task.CompletedTask;
    }

    /// <summary>Number of sessions remembered (tests look at it).</summary>
    public int Count => _entries.Count;

    /// <summary>The account of a session this front confirmed recently, without asking any grain.</summary>
    public long? Remembered(string tokenHash) => TryRemembered(tokenHash);

    private long? TryRemembered(string tokenHash)
    {
        if (_ttl == TimeSpan.Zero || !_entries.TryGetValue(tokenHash, out var entry)) return null;
        return _time.GetUtcNow() - entry.ConfirmedAt < _ttl && IsSubscribed() ? entry.AccId : null;
    }

    private async ValueTask<long?> Ask(string tokenHash)
    {
        // A revocation that arrives while the grain answers must win over that answer: remember it
        // only if no revocation came in meanwhile (checked again after storing, see below).
        var generation = Interlocked.Read(ref _generation);
        var accId = await _grains.GetGrain<ISessionGrain>(tokenHash).Validate();
        if (accId is null || _ttl == TimeSpan.Zero) return accId;
        _entries[tokenHash] = new Entry(accId.Value, _time.GetUtcNow());
        if (Interlocked.Read(ref _generation) != generation) _entries.TryRemove(tokenHash, out _);
        return accId;
    }

    private bool IsSubscribed() =>
        Interlocked.Read(ref _subscribedAtTicks) is var at and not 0 && _realTime.GetUtcNow().UtcTicks - at < TrustSubscriptionFor.Ticks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Subscribed also without a cache: long-lived connections end on the announcements.
        var self = _grains.CreateObjectReference<ISessionRevocationObserver>(this);
        using var timer = new PeriodicTimer(RenewEvery, _realTime);
        try
        {
            do
            {
                await Renew(self);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        try
        {
            await _grains.GetGrain<ISessionRevocationGrain>(0).Unsubscribe(self).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "Session cache: unsubscribing at shutdown failed; the hub drops the subscription by itself");
        }
    }

    private async Task Renew(ISessionRevocationObserver self)
    {
        try
        {
            if (!await _grains.GetGrain<ISessionRevocationGrain>(0).Subscribe(self))
            {
                // Unknown to the hub (first start, a new hub after its silo failed, or dropped
                // after a missed announcement): announcements may have been missed.
                Interlocked.Increment(ref _generation);
                _entries.Clear();
                _connections.CheckAllSoon();
            }
            Interlocked.Exchange(ref _subscribedAtTicks, _realTime.GetUtcNow().UtcTicks);
            var now = _time.GetUtcNow();
            foreach (var (hash, entry) in _entries)
            {
                if (now - entry.ConfirmedAt >= _ttl) _entries.TryRemove(hash, out _);
            }
            if (_entries.Count > MaxEntries) _entries.Clear();
        }
        catch (Exception ex)
        {
            Interlocked.Exchange(ref _subscribedAtTicks, 0);
            _entries.Clear();
            _connections.CheckAllSoon();
            _logger.LogWarning(ex, "Session cache: could not renew the revocation subscription; asking session grains on every request until it can");
        }
    }
}
