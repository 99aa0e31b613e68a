namespace Mmx.Grains.Accounts;

/// <summary>Hands out accIDs (<see cref="IdBlocks"/>).</summary>
public sealed class AccountIdGrain(
    [PersistentState(stateName: "account-ids", storageName: SiloSetup.StorageName)] IPersistentState<IdBlockState> state)
    : Grain, IAccountIdGrain
{
    /// <summary>The first accID (the spec's examples use 10040 and up).</summary>
    public const long FirstId = 10001;
    private IdBlocks _ids = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ids = new IdBlocks(state, FirstId);
        return Task.CompletedTask;
    }

    public Task<long> Next() => _ids.Next();

    public Task<long> HandedOutBelow() => Task.FromResult(_ids.HandedOutBelow);
}
