namespace Mmx.Grains.ShopLife;

[GenerateSerializer, Alias("mmx.shoplife.GoodsSaversState")]
public sealed record GoodsSaversState
{
    [Id(0)] public ImmutableHashSet<long> Savers { get; init; } = [];
}

public sealed class GoodsSaversGrain(
    [PersistentState(stateName: "goods-savers", storageName: SiloSetup.StorageName)] IPersistentState<GoodsSaversState> state)
    : Grain, IGoodsSaversGrain
{
    public async Task Add(long accId)
    {
        if (state.State.Savers.Contains(accId)) return;
        state.State = state.State with { Savers = state.State.Savers.Add(accId) };
        await state.WriteStateAsync();
    }

    public async Task Remove(long accId)
    {
        if (!state.State.Savers.Contains(accId)) return;
        state.State = state.State with { Savers = state.State.Savers.Remove(accId) };
        await state.WriteStateAsync();
    }

    public Task<Page<long>> Savers(int offset, int count) => Task.FromResult(new Page<long>
    {
        Items = [.. state.State.Savers.Order().Skip(offset).Take(count)],
        Total = state.State.Savers.Count,
    });

    public Task<int> Count() => Task.FromResult(state.State.Savers.Count);
}
