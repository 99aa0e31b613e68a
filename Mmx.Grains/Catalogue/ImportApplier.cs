using Mmx.Grains.Messages;

namespace Mmx.Grains.Catalogue;

/// <summary>
/// Applies a validated import to the shop, directory and index grains, and answers the catalogue
/// state to store once every step has succeeded.
/// </summary>
/// <remarks>
/// Every step is an idempotent upsert or removal, and the catalogue's own state (which remembers
/// where each shop and activity was listed) is written only at the end. So when a silo dies
/// mid-import, the operator's retry of the same document finds the old locations still recorded,
/// repeats the steps that already ran without effect, and completes the rest.
/// </remarks>
internal sealed class ImportApplier(IGrainFactory grains, ILogger logger, DateOnly today)
{
    /// <summary>The shops whose goods the import changed (filled by <see cref="Apply"/>).</summary>
    public HashSet<long> ShopsWithChangedGoods { get; } = [];

    /// <summary>
    /// A document may carry a platform's release history: /user/version answers its newest
    /// release (by time; of equal times, the one listed last).
    /// </summary>
    private static IEnumerable<KeyValuePair<int, AppVersion>> NewestReleases(IEnumerable<AppVersion> releases) =>
        releases.Select((release, index) => (release, index))
            .GroupBy(r => r.release.Sys)
            .Select(g => KeyValuePair.Create(g.Key, g.MaxBy(r => (r.release.Time, r.index)).release));

    /// <param name="goodsShops">The shop each goods item the document names (upserted or removed) is in now, when it is known.</param>
    public async Task<CatalogueState> Apply(CatalogueImport doc, CatalogueState current, IReadOnlyDictionary<long, long> goodsShops)
    {
        var next = current with
        {
            Cities = current.Cities.SetItems(doc.Cities.Select(c => KeyValuePair.Create(c.Id, c))),
            Provinces = current.Provinces.SetItems(doc.Provinces.Select(p => KeyValuePair.Create(p.Id, p))),
            Districts = current.Districts.SetItems(doc.Districts.Select(d => KeyValuePair.Create(d.Id, d))),
            Categories = current.Categories.SetItems(doc.Categories.Select(c => KeyValuePair.Create(c.Id, c))),
            Versions = current.Versions.SetItems(NewestReleases(doc.Versions)),
            ShopCity = current.ShopCity.SetItems(doc.Shops.Select(s => KeyValuePair.Create(s.Id, s.City))),
            ShopRevised = current.ShopRevised.SetItems(doc.Shops.Select(s => KeyValuePair.Create(s.Id, s.Revised))),
            Withdrawn = current.Withdrawn.Except(doc.Shops.Where(s => !s.Withdrawn).Select(s => s.Id)).Union(doc.Shops.Where(s => s.Withdrawn).Select(s => s.Id)),
            ActivityShop = current.ActivityShop.SetItems(doc.Activities.Select(a => KeyValuePair.Create(a.Id, a.Shop))).RemoveRange(doc.ActivityRemovals),
        };

        await ApplyShops(doc, current, next);
        // Every city learns that it exists and gets the category tree its listings filter by.
        await GrainCallBatches.Run(next.Cities.Keys,
            city => grains.GetGrain<ICityDirectoryGrain>(city).SetCategoryParents(next.CategoryParents()));
        var newGoods = await ApplyGoods(doc, goodsShops);
        await ApplyActivities(doc, current, next);
        // Only what users can see is news (a withdrawn shop's goods and activities wait, unannounced).
        var newActivities = doc.Activities.Where(a => !current.ActivityShop.ContainsKey(a.Id) && a.IsValidOn(today) && next.Shows(a.Shop));
        await ShopNewsNotice.Announce(grains, logger, newActivities, newGoods.Where(g => next.Shows(g.Shop)));
        return next;
    }

    private async Task ApplyShops(CatalogueImport doc, CatalogueState current, CatalogueState next)
    {
        if (doc.Shops.IsEmpty) return;
        await GrainCallBatches.Run(doc.Shops, shop => grains.GetGrain<IShopGrain>(shop.Id).Upsert(shop));
        // Each shop-life grain answers shop info with a copy of the details (one call a request).
        // Told whether or not the details changed, so a retried import completes what a failed one began.
        await GrainCallBatches.Run(doc.Shops, shop => grains.GetGrain<IShopLifeGrain>(shop.Id).DetailsChanged(shop));
        logger.LogInformation("Import: {Shops} shops stored", doc.Shops.Length);

        // A city lists the shops users see: a withdrawn one leaves its listing, a shown one that
        // moved leaves its old city's.
        var upserts = doc.Shops.Where(s => next.Shows(s.Id)).ToLookup(s => s.City);
        var removals = doc.Shops
            .Where(s => current.Shows(s.Id) && (!next.Shows(s.Id) || current.ShopCity[s.Id] != s.City))
            .ToLookup(s => current.ShopCity[s.Id], s => s.Id);
        var cities = upserts.Select(g => g.Key).Union(removals.Select(g => g.Key));
        await GrainCallBatches.Run(cities, city => grains.GetGrain<ICityDirectoryGrain>(city)
            .ApplyShops([.. upserts[city]], [.. removals[city]]));
        logger.LogInformation("Import: shop listings of {Cities} cities updated", cities.Count());
    }

    /// <summary>Stores and removes the goods; answers those that are new to the catalogue and on sale (the shops' news).</summary>
    private async Task<IEnumerable<Goods>> ApplyGoods(CatalogueImport doc, IReadOnlyDictionary<long, long> oldShop)
    {
        if (doc.Goods.IsEmpty && doc.GoodsRemovals.IsEmpty) return [];

        var upserts = doc.Goods.ToLookup(g => g.Shop);
        // Goods that move to another shop leave the old one; removed goods leave theirs.
        var removals = MovedAway(doc.Goods, g => g.Id, g => g.Shop, oldShop)
            .SelectMany(g => g.Select(id => (Shop: g.Key, Id: id)))
            .Concat(doc.GoodsRemovals.Where(oldShop.ContainsKey).Select(id => (Shop: oldShop[id], Id: id)))
            .ToLookup(r => r.Shop, r => r.Id);
        var shops = upserts.Select(g => g.Key).Union(removals.Select(g => g.Key));
        ShopsWithChangedGoods.UnionWith(shops);
        var released = await GrainCallBatches.Run(shops, shop => grains.GetGrain<IShopGrain>(shop)
            .ApplyGoods([.. upserts[shop]], [.. removals[shop]]));
        logger.LogInformation("Import: {Goods} goods stored, {Removed} removed, in {Shops} shops", doc.Goods.Length, doc.GoodsRemovals.Length, shops.Count());

        // Forget released barcodes before pointing barcodes at their (possibly same) new owners.
        var forget = released.SelectMany(r => r).ToLookup(r => CatalogueShards.OfBarcode(r.Key));
        await GrainCallBatches.Run(forget, shard => grains.GetGrain<IBarcodeIndexGrain>(shard.Key)
            .Forget(shard.ToImmutableDictionary(r => r.Key, r => r.Value)));
        var barcodes = doc.Goods.Where(g => g.Barcode is not null).ToLookup(g => CatalogueShards.OfBarcode(g.Barcode!));
        await GrainCallBatches.Run(barcodes, shard => grains.GetGrain<IBarcodeIndexGrain>(shard.Key)
            .Set(shard.ToImmutableDictionary(g => g.Barcode!, g => g.Id)));
        var index = doc.Goods.ToLookup(g => CatalogueShards.OfGoods(g.Id));
        await GrainCallBatches.Run(index, shard => grains.GetGrain<IGoodsIndexGrain>(shard.Key)
            .Set(shard.ToImmutableDictionary(g => g.Id, g => g.Shop)));
        // The index forgets removed goods last: a retry after a failure above still finds their shops.
        var removed = doc.GoodsRemovals.ToLookup(CatalogueShards.OfGoods);
        await GrainCallBatches.Run(removed, shard => grains.GetGrain<IGoodsIndexGrain>(shard.Key).Remove([.. shard]));
        return doc.Goods.Where(g => !oldShop.ContainsKey(g.Id) && g.IsOnSale);
    }

    private async Task ApplyActivities(CatalogueImport doc, CatalogueState current, CatalogueState next)
    {
        // Shops that changed city take their activities (imported or not) to the new city's
        // directory; a shop shown again brings them back, a withdrawn one takes them away.
        var movedShops = next.ShopCity
            .Where(s => current.ShopCity.TryGetValue(s.Key, out var old) && old != s.Value)
            .Select(s => s.Key).ToHashSet();
        movedShops.UnionWith(doc.Shops.Where(s => current.ShopCity.ContainsKey(s.Id) && current.Shows(s.Id) != next.Shows(s.Id)).Select(s => s.Id));
        var carried = await GrainCallBatches.Run(movedShops, shop => grains.GetGrain<IShopGrain>(shop).AllActivities());
        var imported = doc.Activities.Select(a => a.Id).ToHashSet();
        var activities = doc.Activities.AddRange(carried.SelectMany(a => a).Where(a => !imported.Contains(a.Id)));
        // Removed activities leave their shop and, if users saw it, its city's listing.
        var removed = doc.ActivityRemovals.Where(current.ActivityShop.ContainsKey).ToList();
        if (activities.IsEmpty && removed.Count == 0) return;

        var shopUpserts = doc.Activities.ToLookup(a => a.Shop);
        var shopRemovals = MovedAway(doc.Activities, a => a.Id, a => a.Shop, current.ActivityShop)
            .SelectMany(g => g.Select(id => (Shop: g.Key, Id: id)))
            .Concat(removed.Select(id => (Shop: current.ActivityShop[id], Id: id)))
            .ToLookup(r => r.Shop, r => r.Id);
        await GrainCallBatches.Run(shopUpserts.Select(g => g.Key).Union(shopRemovals.Select(g => g.Key)),
            shop => grains.GetGrain<IShopGrain>(shop).ApplyActivities([.. shopUpserts[shop]], [.. shopRemovals[shop]]));

        // Where each activity was listed before: its old shop's old city, if users saw that shop.
        var listedIn = activities
            .Where(a => current.ActivityShop.TryGetValue(a.Id, out var oldShop) && current.Shows(oldShop))
            .ToDictionary(a => a.Id, a => current.ShopCity[current.ActivityShop[a.Id]]);
        var cityUpserts = activities.Where(a => next.Shows(a.Shop)).ToLookup(a => next.ShopCity[a.Shop]);
        var cityRemovals = activities
            .Where(a => listedIn.TryGetValue(a.Id, out var old) && (!next.Shows(a.Shop) || old != next.ShopCity[a.Shop]))
            .Select(a => (City: listedIn[a.Id], a.Id))
            .Concat(removed.Where(id => current.Shows(current.ActivityShop[id])).Select(id => (City: current.ShopCity[current.ActivityShop[id]], Id: id)))
            .ToLookup(r => r.City, r => r.Id);
        await GrainCallBatches.Run(cityUpserts.Select(g => g.Key).Union(cityRemovals.Select(g => g.Key)),
            city => grains.GetGrain<ICityDirectoryGrain>(city).ApplyActivities([.. cityUpserts[city]], [.. cityRemovals[city]]));
        logger.LogInformation("Import: {Activities} activities stored, {Removed} removed", activities.Length, removed.Count);
    }

    /// <summary>Ids whose owner (city or shop) changes, grouped by the owner they leave.</summary>
    private static ILookup<long, long> MovedAway<T>(IEnumerable<T> items, Func<T, long> id, Func<T, long> owner,
        IReadOnlyDictionary<long, long> previousOwner) =>
        items.Where(i => previousOwner.TryGetValue(id(i), out var old) && old != owner(i))
             .ToLookup(i => previousOwner[id(i)], id);
}
