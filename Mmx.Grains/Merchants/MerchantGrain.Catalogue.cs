using Mmx.Grains.Messages;

namespace Mmx.Grains.Merchants;

// The merchant's goods, activities and fan messages. Every change goes into the catalogue as an
// import of just that change (the one write path: listings, barcode index, fronts' copies, before
// the answer). This grain runs one call at a time, so edits of one shop apply in turn, each to the
// goods item as the one before left it.
public sealed partial class MerchantGrain
{
    public async Task<Outcome<long>> AddGoods(Goods goods)
    {
        if (NotInCatalogue() is { } refused) return refused;
        var id = await GrainFactory.GetGrain<IMerchantRecordIdGrain>(IMerchantRecordIdGrain.Goods).Next();
        var now = time.GetUtcNow();
        var item = goods with
        {
            Id = id, Shop = ShopId, Time = now.ToUnixTimeSeconds(), Status = Goods.OnSale, Revised = now.ToUnixTimeMilliseconds(),
        };
        var done = await Catalogue().Import(new CatalogueImport { Goods = [item] });
        if (!done.IsOk) return Outcome<long>.Fail(done.Err, done.Message);
        logger.LogInformation("Shop {ShopId} published goods {Goods}", ShopId, id);
        return id;
    }

    public async Task<Err> EditGoods(long goods, GoodsChange change)
    {
        if (NotInCatalogue() is { } refused) return refused.Err;
        var current = (await StoredGoods()).GetValueOrDefault(goods);
        if (current is null) return Err.NotFound;
        var done = await Catalogue().Import(new CatalogueImport { Goods = [Revised(Changed(current, change), current)] });
        return done.Err;
    }

    public async Task<Err> SetGoodsStatus(ImmutableArray<long> goods, int status)
    {
        if (status is not (0 or Goods.OnSale)) return Err.BadRequest;
        if (NotInCatalogue() is { } refused) return refused.Err;
        var stored = await StoredGoods();
        if (goods.Any(id => !stored.ContainsKey(id))) return Err.NotFound;
        var changed = goods.Distinct().Select(id => stored[id]).Where(g => g.Status != status)
            .Select(g => Revised(Changed(g, new GoodsChange { Status = status }), g)).ToImmutableArray();
        if (changed.IsEmpty) return Err.Ok;
        var done = await Catalogue().Import(new CatalogueImport { Goods = changed });
        return done.Err;
    }

    public async Task<Err> RemoveGoods(ImmutableArray<long> goods)
    {
        if (NotInCatalogue() is { } refused) return refused.Err;
        var stored = await StoredGoods();
        if (goods.Any(id => !stored.ContainsKey(id))) return Err.NotFound;
        var done = await Catalogue().Import(new CatalogueImport { GoodsRemovals = [.. goods.Distinct()] });
        if (done.IsOk) logger.LogInformation("Shop {ShopId} deleted {Count} goods", ShopId, goods.Length);
        return done.Err;
    }

    public async Task<Outcome<long>> AddActivity(ActivityDraft draft)
    {
        if (NotInCatalogue() is { } refused) return refused;
        var today = ShanghaiCalendar.Today(time);
        if (S.LastActivityDay >= today) return Outcome<long>.Fail(Err.LimitReached, "one new activity a day");
        var id = await GrainFactory.GetGrain<IMerchantRecordIdGrain>(IMerchantRecordIdGrain.Activities).Next();
        var activity = new Activity { Id = id, Shop = ShopId, Title = draft.Title, Content = draft.Content, Bt = draft.Bt, Et = draft.Et };
        var done = await Catalogue().Import(new CatalogueImport { Activities = [activity] });
        if (!done.IsOk) return Outcome<long>.Fail(done.Err, done.Message);
        state.State = S with { LastActivityDay = today };
        await state.WriteStateAsync();
        logger.LogInformation("Shop {ShopId} published activity {Activity}", ShopId, id);
        return id;
    }

    public async Task<Err> RemoveActivity(long activity)
    {
        if (NotInCatalogue() is { } refused) return refused.Err;
        var activities = await GrainFactory.GetGrain<IShopGrain>(ShopId).AllActivities();
        if (!activities.Any(a => a.Id == activity)) return Err.NotFound;
        var done = await Catalogue().Import(new CatalogueImport { ActivityRemovals = [activity] });
        return done.Err;
    }

    public async Task<Outcome<PublishedMessage>> MessageFans(MessageDraft draft, ImmutableArray<long> only)
    {
        if (!Exists) return Err.NotFound;
        if (CurrentStatus() != MerchantStatus.Live) return Outcome<PublishedMessage>.Fail(Err.Forbidden, "the shop is not live");
        var month = MonthOf(time.GetUtcNow());
        var used = S.QuotaMonth == month ? S.QuotaUsed : 0;
        if (used >= S.MonthlyQuota) return Outcome<PublishedMessage>.Fail(Err.LimitReached, "this month's fan messages are used up");
        // Counted before sending: a failure after it costs the merchant one message rather than sending one uncounted.
        state.State = S with { QuotaMonth = month, QuotaUsed = used + 1 };
        await state.WriteStateAsync();
        var messages = GrainFactory.GetGrain<IShopMessagesGrain>(ShopId);
        var sent = only.IsEmpty ? await messages.Publish(draft) : await messages.PublishTo(draft, only);
        if (!sent.IsOk)
        {
            state.State = S with { QuotaUsed = used };
            await state.WriteStateAsync();
        }
        return sent;
    }

    /// <summary>Goods and activities go into the catalogue once the shop has been approved (it is there, shown or withdrawn).</summary>
    private Outcome<long>? NotInCatalogue() =>
        !Exists ? Err.NotFound
        : S.Status is MerchantStatus.Pending or MerchantStatus.Rejected ? Outcome<long>.Fail(Err.Forbidden, "the shop has not been approved yet")
        : null;

    private ICatalogueGrain Catalogue() => GrainFactory.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key);

    private async Task<Dictionary<long, Goods>> StoredGoods() =>
        (await GrainFactory.GetGrain<IShopGrain>(ShopId).StoredGoods()).ToDictionary(g => g.Id);

    /// <summary>The next version of a goods item: stamped now, never before the version it replaces.</summary>
    private Goods Revised(Goods next, Goods current) =>
        next with { Revised = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), current.Revised + 1) };

    private Goods Changed(Goods goods, GoodsChange change) => goods with
    {
        Desp = change.Desp ?? goods.Desp,
        Detail = change.Detail ?? goods.Detail,
        Barcode = change.Barcode is null ? goods.Barcode : change.Barcode == "" ? null : change.Barcode,
        Price = change.Price ?? goods.Price,
        Promot = change.Promot ?? goods.Promot,
        Brand = change.Brand ?? goods.Brand,
        Remark = change.Remark ?? goods.Remark,
        Pics = change.Pics ?? goods.Pics,
        Basic = change.Basic ?? goods.Basic,
        Status = change.Status ?? goods.Status,
        // Back on the shelf counts as published now (the portal's goods list is by publication).
        Time = change.Status is Goods.OnSale && goods.Status != Goods.OnSale ? time.GetUtcNow().ToUnixTimeSeconds() : goods.Time,
    };
}
