namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.McodeIndexState")]
public sealed record McodeIndexState
{
    /// <summary>Claimed mcodes of this shard and the account holding each.</summary>
    [Id(0)] public ImmutableDictionary<long, long> Owners { get; init; } = ImmutableDictionary<long, long>.Empty;
}

public sealed class McodeIndexGrain(
    [PersistentState(stateName: "mcode-index", storageName: SiloSetup.StorageName)] IPersistentState<McodeIndexState> state)
    : Grain, IMcodeIndexGrain
{
    public async Task<Err> Claim(long mcode, long accId)
    {
        if (state.State.Owners.TryGetValue(mcode, out var owner)) return Holds(owner);
        // A number held in the register of an earlier version stays with its holder.
        var earlier = await GrainFactory.GetGrain<IMcodeGrain>(mcode).Owner();
        owner = earlier ?? accId;
        state.State = state.State with { Owners = state.State.Owners.SetItem(mcode, owner) };
        await state.WriteStateAsync();
        return Holds(owner);

        Err Holds(long holder) => holder == accId ? Err.Ok : Err.AlreadyExists;
    }

    public Task<long?> Owner(long mcode) =>
        Task.FromResult(state.State.Owners.TryGetValue(mcode, out var owner) ? owner : (long?)null);
}
