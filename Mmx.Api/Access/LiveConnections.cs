using Mmx.Grains.Accounts;
using Mmx.Grains.Common;

namespace Mmx.Api.Access;

/// <summary>
/// This front's long-lived connections (event streams, chat sockets), each held on a session: a
/// connection ends when its session does, not only when its client leaves. A session is checked
/// once at open by a request; a connection lasts far longer, so it is told:
/// <list type="bullet">
/// <item>at once when the session is closed (logout, a password reset, erasure, disabling, eviction
/// by a newer login): the revocation hub tells <see cref="SessionCache"/>, which tells this;</item>
/// <item>within a second when the session's idle or absolute expiry comes (the lease says when);</item>
/// <item>at each check (<c>Mmx:Sessions:ConnectionCheckSeconds</c>), and at once after this front may
/// have missed an announcement, the session grain is asked again;</item>
/// <item>after <c>Mmx:Sessions:ConnectionMaxMinutes</c> (60) in any case: the client reconnects and
/// its session is checked anew.</item>
/// </list>
/// A chat socket the apps open with account and password (<c>?u=&amp;p=</c>) has no session token:
/// it is held on the account's password instead (<see cref="OpenOnPassword"/>), and ends when any
/// session of the account ends (the app logged out somewhere), when the password changes, when
/// the account is gone, and after the same hour.
/// </summary>
public sealed class LiveConnections(
    IGrainFactory grains,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    SessionSettings settings,
    ILogger<LiveConnections> logger) : BackgroundService
{
    /// <summary>Why a connection ended (<see cref="Connection.EndedBecause"/>).</summary>
    public const string SessionEnded = "session ended", TooOld = "reconnect", Left = "left";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Connection>> _bySession = new(StringComparer.Ordinal);
    private readonly TimeSpan _maxAge = TimeSpan.FromMinutes(settings.ConnectionMaxMinutes);
    private readonly TimeSpan _checkEvery = TimeSpan.FromSeconds(settings.ConnectionCheckSeconds);
    private int _checkNow;

    /// <summary>One connection's hold on its session: disposed when the connection closes.</summary>
    public sealed class Connection : IDisposable
    {
        private readonly CancellationTokenSource _ended = new();
        private readonly LiveConnections _owner;

        internal Connection(LiveConnections owner, string tokenHash, long accId, DateTimeOffset ageLimit, DateTimeOffset sessionUntil, string? passwordHash = null)
        {
            PasswordHash = passwordHash;
            _owner = owner;
            TokenHash = tokenHash;
            AccId = accId;
            AgeLimit = ageLimit;
            SessionUntil = sessionUntil;
        }

        /// <summary>The session's token hash, or <see cref="AccountKey"/> for a connection held on the password.</summary>
        public string TokenHash { get; }
        /// <summary>The stored password hash a password-held connection was opened with (null: held on a session).</summary>
        internal string? PasswordHash { get; }
        public long AccId { get; }
        /// <summary>When the client must reconnect (MMX's clock).</summary>
        internal DateTimeOffset AgeLimit { get; }
        /// <summary>When the session expires unless used meanwhile, as its grain last said (MMX's clock).</summary>
        internal DateTimeOffset SessionUntil { get; set; }
        /// <summary>Cancelled when the connection must end.</summary>
        public CancellationToken Ended => _ended.Token;
        public string? EndedBecause { get; private set; }

        internal void End(string reason)
        {
            lock (_ended)
            {
                if (EndedBecause is not null) return;
                EndedBecause = reason;
            }
            _ended.Cancel();
        }

        public void Dispose()
        {
            End(Left);
            _owner.Remove(this);
        }
    }

    /// <summary>Connections open on this front (metrics, the bench).</summary>
    public int Count
    {
        get { lock (_gate) return _bySession.Values.Sum(c => c.Count); }
    }

    /// <summary>
    /// Holds a new connection on the session of <paramref name="tokenHash"/>, asking its grain (not
    /// this front's cache): null when the session is not live.
    /// </summary>
    public async Task<Connection?> Open(string tokenHash)
    {
        if (await grains.GetGrain<ISessionGrain>(tokenHash).Lease() is not { } lease) return null;
        var connection = new Connection(this, tokenHash, lease.AccId, time.GetUtcNow() + _maxAge, lease.Until);
        lock (_gate)
        {
            if (!_bySession.TryGetValue(tokenHash, out var list)) _bySession[tokenHash] = list = [];
            list.Add(connection);
        }
        return connection;
    }

    /// <summary>
    /// Holds a new connection on the account's password (a chat socket opened with <c>u</c>/<c>p</c>,
    /// already checked by the caller): <paramref name="passwordHash"/> is the stored hash it matched.
    /// </summary>
    public Connection OpenOnPassword(long accId, string passwordHash)
    {
        var key = AccountKey(accId);
        var connection = new Connection(this, key, accId, time.GetUtcNow() + _maxAge, DateTimeOffset.MaxValue, passwordHash);
        lock (_gate)
        {
            if (!_bySession.TryGetValue(key, out var list)) _bySession[key] = list = [];
            list.Add(connection);
        }
        return connection;
    }

    /// <summary>The key of the connections an account holds on its password.</summary>
    private static string AccountKey(long accId) => $"account:{accId}";

    /// <summary>
    /// The session is over (an announcement, this front's own logout): its connections end now, and
    /// so do those its account holds on its password (<paramref name="accId"/> 0: not known).
    /// </summary>
    public void EndSession(string tokenHash, long accId = 0)
    {
        Connection[] ending;
        lock (_gate)
        {
            ending = _bySession.TryGetValue(tokenHash, out var list) ? [.. list] : [];
            if (accId != 0 && _bySession.TryGetValue(AccountKey(accId), out var held)) ending = [.. ending, .. held];
        }
        foreach (var connection in ending) connection.End(SessionEnded);
    }

    /// <summary>This front may have missed announcements: every session is asked again right away.</summary>
    public void CheckAllSoon() => Interlocked.Exchange(ref _checkNow, 1);

    private void Remove(Connection connection)
    {
        lock (_gate)
        {
            if (_bySession.TryGetValue(connection.TokenHash, out var list) && list.Remove(connection) && list.Count == 0)
                _bySession.Remove(connection.TokenHash);
        }
    }

    private Connection[] All()
    {
        lock (_gate) return [.. _bySession.Values.SelectMany(c => c)];
    }

    /// <summary>Each second: deadlines; each check period (or when asked): every session's grain.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        // Checking is a liveness matter on real (monotonic) time; expiries follow MMX's clock, which tests move.
        var lastCheck = Environment.TickCount64;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = time.GetUtcNow();
                foreach (var connection in All())
                {
                    if (now >= connection.SessionUntil) connection.End(SessionEnded);
                    else if (now >= connection.AgeLimit) connection.End(TooOld);
                }
                var realNow = Environment.TickCount64;
                if (Interlocked.Exchange(ref _checkNow, 0) == 1 || realNow - lastCheck >= (long)_checkEvery.TotalMilliseconds)
                {
                    lastCheck = realNow;
                    await CheckSessions(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckSessions(CancellationToken stoppingToken)
    {
        string[] sessions;
        lock (_gate) sessions = [.. _bySession.Keys];
        var options = new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = stoppingToken };
        await Parallel.ForEachAsync(sessions, options, async (tokenHash, _) =>
        {
            try
            {
                Connection[] held;
                lock (_gate) held = _bySession.TryGetValue(tokenHash, out var list) ? [.. list] : [];
                if (held.Length == 0) return;
                if (held[0].PasswordHash is not null)
                {
                    // Held on the password: the account must still exist with the password it was opened with.
                    var challenge = (await grains.GetGrain<IUserGrain>(held[0].AccId).BeginLogin()).Value;
                    foreach (var connection in held)
                    {
                        if (challenge is not { Disabled: false } || challenge.PasswordHash != connection.PasswordHash) connection.End(SessionEnded);
                    }
                    return;
                }
                var lease = await grains.GetGrain<ISessionGrain>(tokenHash).Lease();
                foreach (var connection in held)
                {
                    if (lease is null) connection.End(SessionEnded);
                    else connection.SessionUntil = lease.Until;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unreachable grain: the connection keeps its deadline and is asked again next time.
                logger.LogDebug(ex, "A long-lived connection's session could not be checked; trying again next round");
            }
        });
    }
}
