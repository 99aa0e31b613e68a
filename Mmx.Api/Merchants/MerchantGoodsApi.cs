using Mmx.Api.Lookups;
using Mmx.Grains.Merchants;
using Mmx.Grains.Messages;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Merchants;

/// <summary>
/// The merchant's goods (the portal's goods pages): list and search in any status, publish, edit,
/// shelve, delete, and who saves an item. Every change goes through the shop's merchant grain into
/// the catalogue, on every front before the answer; users read goods through /user/goods.
/// </summary>
public static class MerchantGoodsApi
{
    public static IEndpointRouteBuilder MapMerchantGoodsApi(this IEndpointRouteBuilder app)
    {
        var goods = app.MapGroup("/goods").WithTags("Merchants").RequireMerchant();
        goods.MapGet("", List).WithSummary("The shop's goods in any status (?status=0,1), newest first")
            .WithQuery([QueryDocs.Id("shop_id", "the merchant's shop", required: true), StatusQuery, .. QueryDocs.Paging(countKey: "limit")]);
        goods.MapGet("/search", Search).WithSummary("The shop's goods whose description or barcode holds ?input=")
            .WithQuery([QueryDocs.Id("shop_id", "the merchant's shop", required: true), StatusQuery, QueryDocs.Text("input", "what to look for", 64, required: true), .. QueryDocs.Paging(countKey: "limit")]);
        goods.MapPost("", Publish).WithBody<GoodsFieldsRequest>().WithSummary("Publish a goods item (is_sendall: tell the fans, one of the month's messages)");
        goods.MapPut("/status", SetStatus).WithBody<GoodsStatusRequest>().WithSummary("Put goods on the shelf (1), off it (0), or delete them (2)");
        goods.MapGet("/{gid:long}", Get).WithSummary("One goods item of the shop, in any status");
        goods.MapPut("/{gid:long}", Edit).WithBody<GoodsFieldsRequest>().WithSummary("Change the fields named of a goods item");
        goods.MapDelete("/{gid:long}", Delete).WithSummary("Delete a goods item");
        goods.MapGet("/{gid:long}/fans", Savers).WithSummary("Who saves the goods item").WithQuery(QueryDocs.Paging(countKey: "limit"));
        return app;
    }

    private static readonly QueryDoc StatusQuery = QueryDocs.Text("status", "statuses, comma-separated: 1 on the shelf, 0 off it (default both)", 16);

    private static async Task<MerchantGoodsListReply> List(HttpContext context, HttpRequest request, IGrainFactory grains) =>
        await Page(context, request, grains, _ => true);

    private static async Task<MerchantGoodsListReply> Search(HttpContext context, HttpRequest request, IGrainFactory grains)
    {
        var input = request.Query.RequiredText("input", 64).Trim();
        return await Page(context, request, grains, g =>
            g.Desp.Contains(input, StringComparison.OrdinalIgnoreCase) || (g.Barcode?.Contains(input, StringComparison.OrdinalIgnoreCase) ?? false));
    }

    private static async Task<MerchantGoodsListReply> Page(HttpContext context, HttpRequest request, IGrainFactory grains, Func<Goods, bool> matches)
    {
        var shopId = context.OwnShop(request.Query.RequiredId("shop_id"));
        var statuses = Statuses(request.Query.OptionalText("status", 16));
        var (offset, count) = request.Query.Paging("limit");
        var shop = (await grains.GetGrain<IMerchantGrain>(shopId).GetShop()).OrFail("shop");
        var all = (await grains.GetGrain<IShopGrain>(shopId).StoredGoods())
            .Where(g => statuses.Contains(g.IsOnSale ? 1 : 0) && matches(g))
            .OrderByDescending(g => g.Time).ThenByDescending(g => g.Id).ToList();
        var page = all.Skip(offset).Take(count).ToList();
        var favourites = await Task.WhenAll(page.Select(g => grains.GetGrain<IGoodsSaversGrain>(g.Id).Count()));
        return new(Err.Ok, true, all.Count, shop.Shop.Name, [.. page.Select((g, i) => MerchantGoodsWire.Of(g, favourites[i], offset + i + 1))]);
    }

    /// <summary>?status= as the portal sends it ("1", "0,1"); the original's other numbers (awaiting audit, refused, deleted) hold nothing here.</summary>
    private static HashSet<int> Statuses(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [0, 1];
        var statuses = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var status) || status is < -2 or > 2)
                throw ApiException.BadRequest("status must list numbers from -2 to 2");
            statuses.Add(status);
        }
        return statuses;
    }

    private static async Task<GoodsPublishedReply> Publish(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<GoodsFieldsRequest>(context.Request);
        var shopId = context.OwnShop(body.ShopId ?? context.MerchantShop());
        var goods = MerchantGoodsForm.New(body);
        var merchant = grains.GetGrain<IMerchantGrain>(shopId);
        var id = await merchant.AddGoods(goods).OrFail();
        var told = false;
        if (body.IsSendall == 1)
        {
            // The goods are published either way; the fans are told while the month's quota lasts.
            var sent = await merchant.MessageFans(NewGoodsMessage(goods), []);
            told = sent.IsOk;
        }
        return new(Err.Ok, true, id, told);
    }

    private static MessageDraft NewGoodsMessage(Goods goods) => new()
    {
        Kind = MessageKinds.ShopMessage,
        Title = Validation.Text.FirstLineShortened("新品：" + goods.Desp, MessageDraft.MaxTitle),
        Content = $"{goods.Desp} ￥{goods.Promot:0.##}",
        Pic = goods.FirstPic,
    };

    private static async Task<MerchantGoodsReply> Get(HttpContext context, long gid, IGrainFactory grains)
    {
        var shopId = await OwnGoods(context, grains, [gid]);
        var goods = (await grains.GetGrain<IShopGrain>(shopId).StoredGoods()).FirstOrDefault(g => g.Id == gid) ?? throw ApiException.NotFound("goods");
        var favourites = await grains.GetGrain<IGoodsSaversGrain>(gid).Count();
        return new(Err.Ok, true, MerchantGoodsWire.Of(goods, favourites, 1));
    }

    private static async Task<GoodsDoneReply> Edit(HttpContext context, long gid, IGrainFactory grains)
    {
        var body = await JsonBody.Read<GoodsFieldsRequest>(context.Request);
        var change = MerchantGoodsForm.Change(body);
        if (change == new GoodsChange()) throw ApiException.BadRequest("name a field to change");
        var shopId = await OwnGoods(context, grains, [gid]);
        (await grains.GetGrain<IMerchantGrain>(shopId).EditGoods(gid, change)).OrFail("goods");
        return new(Err.Ok, true, gid);
    }

    private static async Task<GoodsDoneReply> Delete(HttpContext context, long gid, IGrainFactory grains)
    {
        var shopId = await OwnGoods(context, grains, [gid]);
        (await grains.GetGrain<IMerchantGrain>(shopId).RemoveGoods([gid])).OrFail("goods");
        return new(Err.Ok, true, gid);
    }

    private static async Task<MerchantDoneReply> SetStatus(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<GoodsStatusRequest>(context.Request);
        var ids = Validation.JsonLists.Ids(body.Ids, "ids", MerchantGoodsForm.MaxBulk);
        if (body.Status is not (0 or 1 or 2)) throw ApiException.BadRequest("status must be 0 (off the shelf), 1 (on it) or 2 (deleted)");
        var shopId = await OwnGoods(context, grains, ids);
        var merchant = grains.GetGrain<IMerchantGrain>(shopId);
        (body.Status == 2 ? await merchant.RemoveGoods([.. ids]) : await merchant.SetGoodsStatus([.. ids], body.Status.Value)).OrFail("goods");
        return new(Err.Ok, true, shopId);
    }

    private static async Task<GoodsFansReply> Savers(HttpContext context, HttpRequest request, long gid, IGrainFactory grains, KnownIds known)
    {
        await OwnGoods(context, grains, [gid]);
        var (offset, count) = request.Query.Paging("limit");
        var page = await grains.GetGrain<IGoodsSaversGrain>(gid).Savers(offset, count);
        var profiles = await UserCards.Profiles(grains, known, page.Items);
        return new(Err.Ok, true, page.Total, page.Items, [.. page.Items.Select(id => MerchantUsers.Of(id, profiles.GetValueOrDefault(id)))]);
    }

    /// <summary>The merchant's shop when every one of these goods is its own: err 4 for goods that do not exist, err 3 for another shop's.</summary>
    private static async Task<long> OwnGoods(HttpContext context, IGrainFactory grains, IReadOnlyCollection<long> ids)
    {
        var shops = await GoodsLookup.ShopsOf(grains, ids);
        foreach (var id in ids)
        {
            if (!shops.TryGetValue(id, out var shop)) throw ApiException.NotFound($"goods {id}");
            context.OwnShop(shop);
        }
        return context.MerchantShop();
    }
}

/// <summary>A user as the merchant's pages show one.</summary>
public static class MerchantUsers
{
    public static MerchantUserWire Of(long id, Mmx.Grains.Accounts.Profile? profile) =>
        new(id, profile?.Name ?? "", string.IsNullOrEmpty(profile?.Portrait) ? null : profile.Portrait);
}
