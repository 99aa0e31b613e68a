namespace Mmx.Grains.ShopLife;

[GenerateSerializer, Alias("mmx.shoplife.UserShopsState")]
public sealed record UserShopsState
{
    [Id(0)] public ImmutableDictionary<long, FanShop> Fans { get; init; } = ImmutableDictionary<long, FanShop>.Empty;
    [Id(1)] public ImmutableDictionary<long, FavoriteGoods> Favorites { get; init; } = ImmutableDictionary<long, FavoriteGoods>.Empty;
    /// <summary>
    /// Shops whose fan set may not yet reflect a change of this list (stored together with the
    /// change): completed on the next activation, so a silo dying between the two writes leaves
    /// the list and the shop's count agreeing again.
    /// </summary>
    [Id(2)] public ImmutableHashSet<long> FansToSync { get; init; } = [];
    /// <summary>Goods whose savers may still list this user after an unfavourite (as <see cref="FansToSync"/>).</summary>
    [Id(3)] public ImmutableHashSet<long> FavoritesToSync { get; init; } = [];
}

[GenerateSerializer, Alias("mmx.shoplife.VisitsState")]
public sealed record VisitsState
{
    /// <summary>Shop id to the last visit, unix seconds.</summary>
    [Id(0)] public ImmutableDictionary<long, long> LastVisit { get; init; } = ImmutableDictionary<long, long>.Empty;
    /// <summary>
    /// The shop the user entered last and has not left (0: none). Stored with the visit, so that
    /// entering another shop leaves this one also after this grain was idle and reactivated.
    /// </summary>
    [Id(1)] public long CurrentShop { get; init; }
}

public sealed class UserShopsGrain(
    [PersistentState(stateName: "user-shops", storageName: SiloSetup.StorageName)] IPersistentState<UserShopsState> lists,
    [PersistentState(stateName: "user-visits", storageName: SiloSetup.StorageName)] IPersistentState<VisitsState> visits,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<UserShopsGrain> logger)
    : Grain, IUserShopsGrain
{
    public const int MaxFans = 1000;
    public const int MaxFavorites = 1000;
    public const int MaxVisits = 500;

    private long AccId => this.GetPrimaryKeyLong();
    private UserShopsState L => lists.State;
    private long Now => time.GetUtcNow().ToUnixTimeSeconds();
    // The user's event streams follow the shop they are in.
    private Messages.IUserEventsGrain Events => GrainFactory.GetGrain<Messages.IUserEventsGrain>(AccId);

    public Task<long> CurrentShop() => Task.FromResult(visits.State.CurrentShop);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (L.FansToSync.IsEmpty && L.FavoritesToSync.IsEmpty) return;
        try
        {
            foreach (var shop in L.FansToSync) await SyncFan(shop);
            foreach (var goods in L.FavoritesToSync) await GrainFactory.GetGrain<IGoodsSaversGrain>(goods).Remove(AccId);
            lists.State = L with { FansToSync = [], FavoritesToSync = [] };
            await lists.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // The next activation or the next change of that shop tries again.
            logger.LogWarning(ex, "Fan sync of user {AccId} postponed", AccId);
        }
    }

    public async Task<Err> Enter(long shopId)
    {
        var entered = await GrainFactory.GetGrain<IShopLifeGrain>(shopId).Enter(AccId);
        if (entered != Err.Ok) return entered;
        var current = visits.State.CurrentShop;
        if (current != 0 && current != shopId)
        {
            // One shop at a time: entering another leaves the first.
            await GrainFactory.GetGrain<IShopLifeGrain>(current).Exit(AccId);
        }

        var last = visits.State.LastVisit.SetItem(shopId, Now);
        if (last.Count > MaxVisits) last = last.Remove(last.MinBy(v => v.Value).Key);
        visits.State = new VisitsState { LastVisit = last, CurrentShop = shopId };
        await visits.WriteStateAsync();
        await Events.Publish(Messages.UserEvent.InShop(shopId));
        return Err.Ok;
    }

    public async Task<Err> Exit(long shopId)
    {
        var left = await GrainFactory.GetGrain<IShopLifeGrain>(shopId).Exit(AccId);
        if (visits.State.CurrentShop == shopId)
        {
            visits.State = visits.State with { CurrentShop = 0 };
            await visits.WriteStateAsync();
            await Events.Publish(Messages.UserEvent.InShop(0));
        }
        return left;
    }

    public async Task<Err> Follow(long shopId)
    {
        if (!L.Fans.ContainsKey(shopId))
        {
            if (L.Fans.Count >= MaxFans) return Err.LimitReached;
            var fan = new FanShop { ShopId = shopId, Since = Now, MessagesOn = true };
            lists.State = L with { Fans = L.Fans.SetItem(shopId, fan), FansToSync = L.FansToSync.Add(shopId) };
            await lists.WriteStateAsync();
        }
        // Also when already following: a retry after a failure completes the shop's side.
        await SyncFan(shopId);
        return Err.Ok;
    }

    public async Task Unfollow(long shopId)
    {
        if (L.Fans.ContainsKey(shopId))
        {
            lists.State = L with { Fans = L.Fans.Remove(shopId), FansToSync = L.FansToSync.Add(shopId) };
            await lists.WriteStateAsync();
        }
        // A shop this user never followed (or one already told) is not asked: a made-up id must
        // not activate a shop grain. One still to be told (a failure after the write) is told now.
        else if (!L.FansToSync.Contains(shopId)) return;
        await SyncFan(shopId);
    }

    public Task<ImmutableArray<FanShop>> FanShops() =>
        Task.FromResult(L.Fans.Values.OrderByDescending(f => f.Since).ThenByDescending(f => f.ShopId).ToImmutableArray());

    public async Task<Err> SetMessages(long shopId, bool on)
    {
        ImmutableDictionary<long, FanShop> fansNow;
        if (shopId == -1)
        {
            fansNow = L.Fans.SetItems(L.Fans.Values.Select(f => KeyValuePair.Create(f.ShopId, f with { MessagesOn = on })));
        }
        else if (L.Fans.TryGetValue(shopId, out var fan))
        {
            fansNow = L.Fans.SetItem(shopId, fan with { MessagesOn = on });
        }
        else
        {
            return Err.NotFound;
        }
        // The shops deliver by their own copy of the switch: marked to sync with the change, so a
        // failure before every shop has it is completed by a retry or the next activation.
        var changed = shopId == -1 ? [.. fansNow.Keys] : new[] { shopId };
        lists.State = L with { Fans = fansNow, FansToSync = L.FansToSync.Union(changed) };
        await lists.WriteStateAsync();
        await Task.WhenAll(changed.Select(SyncFan));
        return Err.Ok;
    }

    public async Task<Err> Favorite(long goodsId)
    {
        if (!L.Favorites.ContainsKey(goodsId))
        {
            if (L.Favorites.Count >= MaxFavorites) return Err.LimitReached;
            lists.State = L with { Favorites = L.Favorites.SetItem(goodsId, new FavoriteGoods { GoodsId = goodsId, Since = Now }) };
            await lists.WriteStateAsync();
        }
        // Told also when already saved: a retry after a failure here completes the count.
        await GrainFactory.GetGrain<IGoodsSaversGrain>(goodsId).Add(this.GetPrimaryKeyLong());
        return Err.Ok;
    }

    public async Task Unfavorite(long goodsId)
    {
        if (L.Favorites.ContainsKey(goodsId))
        {
            lists.State = L with { Favorites = L.Favorites.Remove(goodsId), FavoritesToSync = L.FavoritesToSync.Add(goodsId) };
            await lists.WriteStateAsync();
        }
        // As for shops: goods never saved are not asked about.
        else if (!L.FavoritesToSync.Contains(goodsId)) return;
        await GrainFactory.GetGrain<IGoodsSaversGrain>(goodsId).Remove(AccId);
        // Done: forgotten in memory; the next write of the lists stores that.
        lists.State = L with { FavoritesToSync = L.FavoritesToSync.Remove(goodsId) };
    }

    public Task<ImmutableArray<FavoriteGoods>> Favorites() =>
        Task.FromResult(L.Favorites.Values.OrderByDescending(f => f.Since).ThenByDescending(f => f.GoodsId).ToImmutableArray());

    public Task<ImmutableArray<Visit>> Visits(long time, int direct, int count)
    {
        var all = visits.State.LastVisit.Select(v => new Visit { ShopId = v.Key, Time = v.Value });
        // From the given time outwards: newest first for older visits, oldest first for newer ones.
        var outwards = direct == 1
            ? all.Where(v => time == 0 || v.Time < time).OrderByDescending(v => v.Time).ThenByDescending(v => v.ShopId).ToList()
            : all.Where(v => v.Time > time).OrderBy(v => v.Time).ThenBy(v => v.ShopId).ToList();
        var take = Math.Min(count, outwards.Count);
        // The next page starts strictly beyond the last item's second: a visit of that same second
        // left out here would be in neither page.
        while (take > 0 && take < outwards.Count && outwards[take].Time == outwards[take - 1].Time) take++;
        var page = outwards.Take(take).OrderByDescending(v => v.Time).ThenByDescending(v => v.ShopId);
        return Task.FromResult(page.ToImmutableArray());
    }

    public async Task Erase()
    {
        if (visits.State.CurrentShop != 0) await GrainFactory.GetGrain<IShopLifeGrain>(visits.State.CurrentShop).Exit(AccId);
        foreach (var shop in L.Fans.Keys) await GrainFactory.GetGrain<IShopLifeGrain>(shop).RemoveFan(AccId);
        foreach (var goods in L.Favorites.Keys) await GrainFactory.GetGrain<IGoodsSaversGrain>(goods).Remove(AccId);
        // Shops whose sync was pending may still count the user: they are told too.
        foreach (var shop in L.FansToSync) await GrainFactory.GetGrain<IShopLifeGrain>(shop).RemoveFan(AccId);
        await lists.ClearStateAsync();
        await visits.ClearStateAsync();
    }

    public Task<FfvCount> Count() => Task.FromResult(new FfvCount
    {
        Fans = L.Fans.Count,
        Favorite = L.Favorites.Count,
        Visited = visits.State.LastVisit.Count,
    });

    /// <summary>Makes the shop's fan set agree with this list for one shop. Idempotent.</summary>
    private async Task SyncFan(long shopId)
    {
        var shop = GrainFactory.GetGrain<IShopLifeGrain>(shopId);
        if (L.Fans.TryGetValue(shopId, out var fan)) await shop.SetFan(AccId, fan.MessagesOn);
        else await shop.RemoveFan(AccId);
        // Done: forget it in memory; the next write of the lists stores that.
        if (L.FansToSync.Contains(shopId)) lists.State = L with { FansToSync = L.FansToSync.Remove(shopId) };
    }
}
