namespace Mmx.Grains.Catalogue;

[GenerateSerializer, Alias("mmx.catalogue.ShopState")]
public sealed record ShopState
{
    /// <summary>Null until the shop is imported: a grain for an unknown id answers "not found".</summary>
    [Id(0)] public Shop? Shop { get; init; }
    [Id(1)] public ImmutableDictionary<long, Goods> Goods { get; init; } = ImmutableDictionary<long, Goods>.Empty;
    [Id(2)] public ImmutableDictionary<long, Activity> Activities { get; init; } = ImmutableDictionary<long, Activity>.Empty;
}

public sealed class ShopGrain(
    [PersistentState(stateName: "shop", storageName: SiloSetup.StorageName)] IPersistentState<ShopState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time)
    : Grain, IShopGrain
{
    /// <summary>Goods published this recently make a shop's "new" flag (hasNew).</summary>
    public static readonly TimeSpan NewGoodsWindow = TimeSpan.FromDays(7);

    // The goods answered from memory (on-sale ones newest first), rebuilt when they change.
    private ShopGoods? _goods;

    public async Task Upsert(Shop shop)
    {
        if (shop == state.State.Shop) return;
        state.State = state.State with { Shop = shop };
        await state.WriteStateAsync();
    }

    public async Task<ImmutableDictionary<string, long>> ApplyGoods(ImmutableArray<Goods> upserts, ImmutableArray<long> removals)
    {
        var before = state.State.Goods;
        var after = before.Apply(upserts, g => g.Id, removals);
        if (after == before) return ImmutableDictionary<string, long>.Empty;

        state.State = state.State with { Goods = after };
        _goods = null;
        await state.WriteStateAsync();

        // A barcode is released when the goods item that held it is gone or now carries another one.
        return before.Values
            .Where(old => old.Barcode is not null
                && (!after.TryGetValue(old.Id, out var now) || now.Barcode != old.Barcode))
            .ToImmutableDictionary(old => old.Barcode!, old => old.Id);
    }

    public async Task ApplyActivities(ImmutableArray<Activity> upserts, ImmutableArray<long> removals)
    {
        var before = state.State.Activities;
        var after = before.Apply(upserts, a => a.Id, removals);
        if (after == before) return;
        state.State = state.State with { Activities = after };
        await state.WriteStateAsync();
    }

    public Task<Outcome<Shop>> GetDetails() => Task.FromResult<Outcome<Shop>>(Unknown() ? Err.NotFound : state.State.Shop!);

    public Task<Shop?> Stored() => Task.FromResult(state.State.Shop);

    /// <summary>True for an id that is no shop (such an activation goes once it has answered) or a withdrawn shop: users see neither.</summary>
    private bool Unknown()
    {
        if (state.State.Shop is { } shop) return shop.Withdrawn;
        DeactivateOnIdle();
        return true;
    }

    private bool Hidden => state.State.Shop is not { Withdrawn: false };

    public Task<Outcome<ShopNews>> News()
    {
        if (Hidden) return Task.FromResult<Outcome<ShopNews>>(Err.NotFound);
        var today = ShanghaiCalendar.Today(time);
        var newSince = time.GetUtcNow().Add(-NewGoodsWindow).ToUnixTimeSeconds();
        return Task.FromResult<Outcome<ShopNews>>(new ShopNews
        {
            HasAct = state.State.Activities.Values.Any(a => a.IsValidOn(today)),
            HasNew = GoodsView().OnSale.Any(g => g.Time >= newSince),
        });
    }

    public Task<Outcome<Page<Goods>>> ListGoods(int offset, int count)
    {
        if (Hidden) return Task.FromResult<Outcome<Page<Goods>>>(Err.NotFound);
        return Task.FromResult<Outcome<Page<Goods>>>(GoodsView().Page(offset, count));
    }

    public Task<ImmutableArray<Goods>> AllGoods() => Task.FromResult(Hidden ? [] : state.State.Goods.Values.ToImmutableArray());


    public Task<Outcome<Goods>> FindGoods(long goods) =>
        Task.FromResult<Outcome<Goods>>(!Hidden && state.State.Goods.TryGetValue(goods, out var found) ? found : Err.NotFound);

    public Task<ImmutableArray<Goods>> FindGoodsMany(ImmutableArray<long> goods) =>
        Task.FromResult(Hidden ? [] : goods.Select(id => state.State.Goods.GetValueOrDefault(id)).OfType<Goods>().ToImmutableArray());

    public Task<ImmutableArray<Goods>> StoredGoods() => Task.FromResult(state.State.Goods.Values.ToImmutableArray());

    public Task<ImmutableDictionary<long, long>> GoodsRevisions(ImmutableArray<long> goods) => Task.FromResult(goods
        .Select(id => state.State.Goods.GetValueOrDefault(id)).OfType<Goods>()
        .ToImmutableDictionary(g => g.Id, g => g.Revised));

    public Task<ImmutableArray<Activity>> AllActivities() =>
        Task.FromResult(state.State.Activities.Values.ToImmutableArray());

    public Task<ImmutableArray<Activity>> ValidActivities()
    {
        if (Hidden) return Task.FromResult(ImmutableArray<Activity>.Empty);
        var today = ShanghaiCalendar.Today(time);
        return Task.FromResult(state.State.Activities.Values
            .Where(a => a.IsValidOn(today))
            .OrderBy(a => a.Bt).ThenBy(a => a.Id)
            .ToImmutableArray());
    }

    public Task<Outcome<ActivityView>> FindActivity(long activity) => Task.FromResult<Outcome<ActivityView>>(
        state.State.Shop is { Withdrawn: false } shop && state.State.Activities.TryGetValue(activity, out var a) ? ActivityViews.Of(a, shop) : Err.NotFound);

    private ShopGoods GoodsView() => _goods ??= new ShopGoods(state.State.Goods.Values);
}
