namespace Mmx.Grains.Operations;

[GenerateSerializer, Alias("mmx.operations.DashboardSignInsState")]
public sealed record DashboardSignInsState
{
    /// <summary>How often each operator's (or everyone's) sign-ins were revoked.</summary>
    [Id(0)] public ImmutableDictionary<string, long> Epochs { get; init; } = ImmutableDictionary<string, long>.Empty;
}

public sealed class DashboardSignInsGrain(
    [PersistentState(stateName: "dashboard-sign-ins", storageName: SiloSetup.StorageName)] IPersistentState<DashboardSignInsState> state,
    ILogger<DashboardSignInsGrain> logger)
    : Grain, IDashboardSignInsGrain
{
    public async Task Revoke(string? operatorName)
    {
        var who = operatorName ?? IDashboardSignInsGrain.Everyone;
        state.State = state.State with { Epochs = state.State.Epochs.SetItem(who, state.State.Epochs.GetValueOrDefault(who) + 1) };
        await state.WriteStateAsync();
        logger.LogInformation("Dashboard sign-ins of {Operator} revoked", who);
    }

    public Task<ImmutableDictionary<string, long>> Epochs() => Task.FromResult(state.State.Epochs);
}
