namespace Mmx.Grains.Catalogue;

/// <summary>Which shop holds each goods item, by the goods index (its shards asked in parallel).</summary>
internal static class GoodsShops
{
    /// <summary>Goods id to shop id for every id the index knows; unknown ids are left out.</summary>
    public static async Task<Dictionary<long, long>> Find(IGrainFactory grains, IEnumerable<long> goods)
    {
        var found = await GrainCallBatches.Run(goods.ToLookup(CatalogueShards.OfGoods),
            shard => grains.GetGrain<IGoodsIndexGrain>(shard.Key).Find([.. shard]));
        return found.SelectMany(f => f).ToDictionary(f => f.Key, f => f.Value);
    }
}
