namespace Mmx.Grains.Catalogue;

[GenerateSerializer, Alias("mmx.catalogue.GoodsIndexState")]
public sealed record GoodsIndexState
{
    [Id(0)] public ImmutableDictionary<long, long> GoodsToShop { get; init; } = ImmutableDictionary<long, long>.Empty;
}

public sealed class GoodsIndexGrain(
    [PersistentState(stateName: "goods-index", storageName: SiloSetup.StorageName)] IPersistentState<GoodsIndexState> state)
    : Grain, IGoodsIndexGrain
{
    public async Task Set(ImmutableDictionary<long, long> goodsToShop)
    {
        var next = state.State.GoodsToShop.SetItems(goodsToShop);
        if (next == state.State.GoodsToShop) return;
        state.State = state.State with { GoodsToShop = next };
        await state.WriteStateAsync();
    }

    public async Task Remove(ImmutableArray<long> goods)
    {
        var next = state.State.GoodsToShop.RemoveRange(goods);
        if (next == state.State.GoodsToShop) return;
        state.State = state.State with { GoodsToShop = next };
        await state.WriteStateAsync();
    }

    public Task<ImmutableDictionary<long, long>> Find(ImmutableArray<long> goods)
    {
        var known = state.State.GoodsToShop;
        var found = ImmutableDictionary.CreateBuilder<long, long>();
        foreach (var id in goods)
        {
            if (known.TryGetValue(id, out var shop)) found[id] = shop;
        }
        return Task.FromResult(found.ToImmutable());
    }
}
