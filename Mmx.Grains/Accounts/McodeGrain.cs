namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.McodeState")]
public sealed record McodeState
{
    [Id(0)] public long? Owner { get; init; }
}

/// <summary>The register of an earlier version, read only: see <see cref="IMcodeGrain"/>.</summary>
public sealed class McodeGrain(
    [PersistentState(stateName: "mcode", storageName: SiloSetup.StorageName)] IPersistentState<McodeState> state)
    : Grain, IMcodeGrain
{
    public Task<long?> Owner()
    {
        // Asked by the index before it hands a number out: nearly always a number never held
        // here, whose activation would only take memory until the idle collection.
        if (state.State.Owner is null) DeactivateOnIdle();
        return Task.FromResult(state.State.Owner);
    }
}
