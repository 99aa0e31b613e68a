namespace Mmx.Grains.Messages;

[GenerateSerializer, Alias("mmx.messages.FanOutRegistryState")]
public sealed record FanOutRegistryState
{
    [Id(0)] public ImmutableHashSet<long> Open { get; init; } = [];
}

public sealed class FanOutRegistryGrain(
    [PersistentState(stateName: "fan-out-registry", storageName: SiloSetup.StorageName)] IPersistentState<FanOutRegistryState> state)
    : Grain, IFanOutRegistryGrain
{
    public async Task Opened(long msgId)
    {
        if (state.State.Open.Contains(msgId)) return;
        state.State = new FanOutRegistryState { Open = state.State.Open.Add(msgId) };
        await state.WriteStateAsync();
    }

    public async Task Closed(long msgId)
    {
        if (!state.State.Open.Contains(msgId)) return;
        state.State = new FanOutRegistryState { Open = state.State.Open.Remove(msgId) };
        await state.WriteStateAsync();
    }

    public Task ResumeAll() => Task.WhenAll(state.State.Open.Select(id => GrainFactory.GetGrain<IFanOutGrain>(id).Resume()));
}
