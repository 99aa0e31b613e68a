namespace Mmx.Grains.Catalogue;

/// <summary>
/// Goods id to shop id, sharded by <see cref="CatalogueShards.OfGoods"/> so that no single
/// activation holds every goods item and a look-up is one in-memory call.
/// </summary>
[Alias("mmx.catalogue.IGoodsIndexGrain")]
public interface IGoodsIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Sets goods id to shop id for every pair (all of this shard). Idempotent.</summary>
    [Alias("Set")]
    Task Set(ImmutableDictionary<long, long> goodsToShop);

    /// <summary>Forgets these goods ids (removed from the catalogue). Idempotent.</summary>
    [Alias("Remove")]
    Task Remove(ImmutableArray<long> goods);

    /// <summary>The shop of each goods id that is known here; unknown ids are left out.</summary>
    [Alias("Find"), ReadOnly]
    Task<ImmutableDictionary<long, long>> Find(ImmutableArray<long> goods);
}
