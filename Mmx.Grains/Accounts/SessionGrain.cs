namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.SessionState")]
public sealed record SessionState
{
    [Id(0)] public long AccId { get; init; }
    [Id(1)] public DateTimeOffset LastUsed { get; init; }
    [Id(2)] public bool Closed { get; init; }
    /// <summary>When the session was opened (default: opened before this was kept; counted from its next use).</summary>
    [Id(3)] public DateTimeOffset Opened { get; init; }
}

public sealed class SessionGrain(
    [PersistentState(stateName: "session", storageName: SiloSetup.StorageName)] IPersistentState<SessionState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time)
    : Grain, ISessionGrain
{
    /// <summary>A session unused this long ends.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    /// <summary>A session ends this long after it was opened however often it is used: a stolen token does not live forever.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromDays(180);
    // Use is recorded in memory on every request and stored at most daily: an expiry computed
    // after a restart is late by a day at most, and a busy session costs no write per request.
    private static readonly TimeSpan StoreUseEvery = TimeSpan.FromDays(1);
    private DateTimeOffset _lastUsed;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastUsed = state.State.LastUsed;
        return Task.CompletedTask;
    }

    public async Task Open(long accId)
    {
        if (state.State.Closed || state.State.AccId != 0) return;
        _lastUsed = time.GetUtcNow();
        state.State = new SessionState { AccId = accId, LastUsed = _lastUsed, Opened = _lastUsed };
        await state.WriteStateAsync();
    }

    public async Task<long?> Validate()
    {
        if (state.State.AccId == 0 || state.State.Closed)
        {
            // A made-up or ended token: nothing here is worth keeping in memory.
            DeactivateOnIdle();
            return null;
        }
        var now = time.GetUtcNow();
        if (now - _lastUsed > Lifetime) return null;
        if (state.State.Opened != default && now - state.State.Opened > AbsoluteLifetime) return null;
        _lastUsed = now;
        if (now - state.State.LastUsed > StoreUseEvery || state.State.Opened == default)
        {
            state.State = state.State with { LastUsed = now, Opened = state.State.Opened == default ? now : state.State.Opened };
            await state.WriteStateAsync();
        }
        return state.State.AccId;
    }

    public async Task<SessionLease?> Lease()
    {
        if (await Validate() is not { } accId) return null;
        var idleEnd = _lastUsed + Lifetime;
        var until = state.State.Opened == default ? idleEnd : Min(idleEnd, state.State.Opened + AbsoluteLifetime);
        return new SessionLease { AccId = accId, Until = until };
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public async Task Close()
    {
        if (!state.State.Closed)
        {
            state.State = state.State with { Closed = true };
            await state.WriteStateAsync();
        }
        // Announced on every call, also when already closed: a retry after a failure between the
        // write and the announcement still reaches the fronts that remember this session.
        await GrainFactory.GetGrain<ISessionRevocationGrain>(0).Revoke(this.GetPrimaryKeyString(), state.State.AccId);
    }
}
