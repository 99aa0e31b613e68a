namespace Mmx.Api.Lookups;

/// <summary>
/// Finds a goods item by id or barcode through the sharded index grains and its shop: the one
/// place the front decides whether goods exist (as <see cref="KnownIds"/> is for shops and
/// cities); the grains that record something about a goods item or shop trust the id they get.
/// </summary>
public static class GoodsLookup
{
    public static async Task<Goods?> Find(IGrainFactory grains, long? gid, string? barcode)
    {
        if (gid is null && barcode is not null)
        {
            var owners = await grains.GetGrain<IBarcodeIndexGrain>(CatalogueShards.OfBarcode(barcode)).Find([barcode]);
            if (!owners.TryGetValue(barcode, out var owner)) return null;
            gid = owner;
        }
        if (gid is not { } id) return null;

        var shops = await grains.GetGrain<IGoodsIndexGrain>(CatalogueShards.OfGoods(id)).Find([id]);
        if (!shops.TryGetValue(id, out var sid)) return null;
        var goods = (await grains.GetGrain<IShopGrain>(sid).FindGoods(id)).Value;
        // A barcode look-up must land on a goods item that still carries that barcode.
        return barcode is null || goods?.Barcode == barcode ? goods : null;
    }

    /// <summary>Whether a goods item has this id (its index shard answers from memory).</summary>
    public static async Task<bool> Exists(IGrainFactory grains, long id) =>
        !(await grains.GetGrain<IGoodsIndexGrain>(CatalogueShards.OfGoods(id)).Find([id])).IsEmpty;

    /// <summary>The shop of each of these goods that exists (one call per index shard).</summary>
    public static async Task<Dictionary<long, long>> ShopsOf(IGrainFactory grains, IEnumerable<long> ids)
    {
        var shards = await Task.WhenAll(ids.Distinct().GroupBy(CatalogueShards.OfGoods)
            .Select(shard => grains.GetGrain<IGoodsIndexGrain>(shard.Key).Find([.. shard])));
        return shards.SelectMany(s => s).ToDictionary(pair => pair.Key, pair => pair.Value);
    }

    /// <summary>The goods among these ids that exist, by id: one call per index shard, then one per shop.</summary>
    public static async Task<Dictionary<long, Goods>> FindMany(IGrainFactory grains, IEnumerable<long> ids)
    {
        var byShop = (await ShopsOf(grains, ids)).GroupBy(pair => pair.Value, pair => pair.Key);
        var found = await Task.WhenAll(byShop.Select(shop => grains.GetGrain<IShopGrain>(shop.Key).FindGoodsMany([.. shop])));
        return found.SelectMany(g => g).ToDictionary(g => g.Id);
    }
}
