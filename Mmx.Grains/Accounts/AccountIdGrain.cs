namespace Mmx.Grains.Accounts;

/// <summary>Hands out accIDs (<see cref="IdBlocks"/>).</summary>
public sealed class AccountIdGrain(
    [PersistentState(stateName: "account-ids", storageName: SiloSetup.StorageName)] IPersistentState<IdBlockState> state)
    : IdBlockGrain(state, FirstId), IAccountIdGrain
{
    /// <summary>The first accID (the spec's examples use 10040 and up).</summary>
    public const long FirstId = 10001;

    public Task<long> HandedOutBelow() => Task.FromResult(IdsHandedOutBelow);
}
