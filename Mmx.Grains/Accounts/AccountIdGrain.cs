namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.AccountIdState")]
public sealed record AccountIdState
{
    /// <summary>Every id below this may have been handed out; the next activation starts here.</summary>
    [Id(0)] public long ReservedUpTo { get; init; }
}

/// <summary>
/// Hands out accIDs from blocks reserved in storage before use: an id is never handed out twice,
/// even when the silo dies (the rest of its block is skipped, not reused).
/// </summary>
public sealed class AccountIdGrain(
    [PersistentState(stateName: "account-ids", storageName: SiloSetup.StorageName)] IPersistentState<AccountIdState> state)
    : Grain, IAccountIdGrain
{
    /// <summary>The first accID (the spec's examples use 10040 and up).</summary>
    public const long FirstId = 10001;
    private const long BlockSize = 100;
    private long _next;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _next = Math.Max(FirstId, state.State.ReservedUpTo);
        return Task.CompletedTask;
    }

    public async Task<long> Next()
    {
        if (_next >= state.State.ReservedUpTo)
        {
            state.State = new AccountIdState { ReservedUpTo = _next + BlockSize };
            await state.WriteStateAsync();
        }
        return _next++;
    }

    // The block reserved in storage bounds every id handed out, also by an activation before a failure.
    public Task<long> HandedOutBelow() => Task.FromResult(Math.Max(_next, state.State.ReservedUpTo));
}
