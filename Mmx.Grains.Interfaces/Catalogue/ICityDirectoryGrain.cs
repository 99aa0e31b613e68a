namespace Mmx.Grains.Catalogue;

/// <summary>
/// One per city (key: city id): the city's shop listing and activities held in memory, so that
/// listing, search and recommendation answer without a database query or a call per shop.
/// </summary>
[Alias("mmx.catalogue.ICityDirectoryGrain")]
public interface ICityDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Upserts these shops (all of this city) and drops the listed shop ids. Idempotent.</summary>
    [Alias("ApplyShops")]
    Task ApplyShops(ImmutableArray<Shop> upserts, ImmutableArray<long> removals);

    /// <summary>Upserts these activities (of this city's shops) and drops the listed ids. Idempotent.</summary>
    [Alias("ApplyActivities")]
    Task ApplyActivities(ImmutableArray<Activity> upserts, ImmutableArray<long> removals);

    /// <summary>
    /// Marks the city as existing and replaces the category tree (category id to parent id, 0 for
    /// top level) used to widen a parent category to its children. Idempotent.
    /// </summary>
    [Alias("SetCategoryParents")]
    Task SetCategoryParents(ImmutableDictionary<long, long> parents);

    /// <summary>Takes the shops' live fan and customer counts (pushed by their shop-life grains).</summary>
    [Alias("UpdateCounts")]
    Task UpdateCounts(ImmutableArray<Mmx.Grains.ShopLife.ShopCounts> counts);

    /// <summary>Everything the city lists, for a front's copy.</summary>
    [Alias("Export"), ReadOnly]
    Task<CityListingData> Export();
    /// <summary>The shops' live fan and customer counts, for a front's copy (fetched every second).</summary>
    [Alias("Counts"), ReadOnly]
    Task<CityCounts> Counts();
    /// <summary>
    /// A page of the city's shops: filtered, then by distance or by fans, ties by id. NotFound when
    /// the city or the category does not exist.
    /// </summary>
    [Alias("ListShops"), ReadOnly]
    Task<Outcome<Page<ShopListItem>>> ListShops(ShopQuery query);

    /// <summary>The city's shops flagged as recommended, by id; NotFound for an unknown city.</summary>
    [Alias("Recommended"), ReadOnly]
    Task<Outcome<ImmutableArray<RecommendedShop>>> Recommended();

    /// <summary>
    /// A page of the activities valid today (Asia/Shanghai), newest start first; NotFound
    /// for an unknown city.
    /// </summary>
    [Alias("ListActivities"), ReadOnly]
    Task<Outcome<Page<ActivityView>>> ListActivities(int offset, int count);
}
