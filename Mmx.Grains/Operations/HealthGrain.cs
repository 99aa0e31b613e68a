namespace Mmx.Grains.Operations;

[GenerateSerializer, Alias("mmx.operations.HealthState")]
public sealed record HealthState
{
    [Id(0)] public long Probes { get; init; }
}

public sealed class HealthGrain(
    [PersistentState(stateName: "health", storageName: SiloSetup.StorageName)] IPersistentState<HealthState> state)
    : Grain, IHealthGrain
{
    // A read goes to the database every time (a write would add a row per probe for nothing).
    public Task Probe() => state.ReadStateAsync();
}
