namespace Mmx.Grains.Catalogue;

/// <summary>One per shop (key: shop id): the shop's details, its goods and its activities.</summary>
[Alias("mmx.catalogue.IShopGrain")]
public interface IShopGrain : IGrainWithIntegerKey
{
    /// <summary>Sets the shop's details (import). Idempotent.</summary>
    [Alias("Upsert")]
    Task Upsert(Shop shop);

    /// <summary>
    /// Upserts goods of this shop and drops the listed goods ids; answers each barcode that no
    /// longer names a goods item of this shop, with the goods id that held it, so the barcode
    /// index can forget it. Idempotent.
    /// </summary>
    [Alias("ApplyGoods")]
    Task<ImmutableDictionary<string, long>> ApplyGoods(ImmutableArray<Goods> upserts, ImmutableArray<long> removals);

    /// <summary>Upserts activities of this shop and drops the listed ids. Idempotent.</summary>
    [Alias("ApplyActivities")]
    Task ApplyActivities(ImmutableArray<Activity> upserts, ImmutableArray<long> removals);

    /// <summary>The shop; NotFound when no shop has this id or it is withdrawn (users' reads below answer a withdrawn shop as unknown too).</summary>
    [Alias("GetDetails"), ReadOnly]
    Task<Outcome<Shop>> GetDetails();

    /// <summary>The shop as stored, withdrawn or not (the catalogue's own use); null for an unknown id.</summary>
    [Alias("Stored"), ReadOnly]
    Task<Shop?> Stored();

    /// <summary>Whether the shop has a valid activity today and on-sale goods published in the last 7 days; NotFound for an unknown shop.</summary>
    [Alias("News"), ReadOnly]
    Task<Outcome<Mmx.Grains.ShopLife.ShopNews>> News();

    /// <summary>A page of the shop's on-sale goods, newest first (ties: higher id first); NotFound for an unknown shop.</summary>
    [Alias("ListGoods"), ReadOnly]
    Task<Outcome<Page<Goods>>> ListGoods(int offset, int count);

    /// <summary>Every goods item of this shop, in any status, for a front's copy.</summary>
    [Alias("AllGoods"), ReadOnly]
    Task<ImmutableArray<Goods>> AllGoods();

    /// <summary>One goods item of this shop in any status; NotFound when the shop has no such goods.</summary>
    [Alias("FindGoods"), ReadOnly]
    Task<Outcome<Goods>> FindGoods(long goods);

    /// <summary>The goods of this shop among these ids, in any status; unknown ids are left out.</summary>
    [Alias("FindGoodsMany"), ReadOnly]
    Task<ImmutableArray<Goods>> FindGoodsMany(ImmutableArray<long> goods);

    /// <summary>
    /// Every goods item of this shop in any status, the shop withdrawn or not: the catalogue's own
    /// use (the stored versions an import is compared with) and the shop's merchant's view.
    /// </summary>
    [Alias("StoredGoods"), ReadOnly]
    Task<ImmutableArray<Goods>> StoredGoods();

    /// <summary>The <see cref="Goods.Revised"/> of each of these goods this shop stores (unknown ids left out).</summary>
    [Alias("GoodsRevisions"), ReadOnly]
    Task<ImmutableDictionary<long, long>> GoodsRevisions(ImmutableArray<long> goods);

    /// <summary>Every activity of this shop, valid or not, withdrawn or not (the catalogue's own use, and its merchant's view).</summary>
    [Alias("AllActivities"), ReadOnly]
    Task<ImmutableArray<Activity>> AllActivities();

    /// <summary>The activities valid today (Asia/Shanghai), by start date then id.</summary>
    [Alias("ValidActivities"), ReadOnly]
    Task<ImmutableArray<Activity>> ValidActivities();

    /// <summary>One activity of this shop, valid or not, with the shop's name and picture; NotFound when the shop has no such activity.</summary>
    [Alias("FindActivity"), ReadOnly]
    Task<Outcome<ActivityView>> FindActivity(long activity);
}
