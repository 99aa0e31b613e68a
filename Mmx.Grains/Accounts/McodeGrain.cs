namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.McodeState")]
public sealed record McodeState
{
    [Id(0)] public long? Owner { get; init; }
}

public sealed class McodeGrain(
    [PersistentState(stateName: "mcode", storageName: SiloSetup.StorageName)] IPersistentState<McodeState> state)
    : Grain, IMcodeGrain
{
    public async Task<bool> Claim(long accId)
    {
        if (state.State.Owner is null)
        {
            state.State = new McodeState { Owner = accId };
            await state.WriteStateAsync();
        }
        return state.State.Owner == accId;
    }

    public Task<long?> Owner() => Task.FromResult(state.State.Owner);
}
