using Mmx.Api.Presence;
using Mmx.Api.Lookups;
using Mmx.Api.Wire;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Catalogue;

/// <summary>
/// Goods of a shop and one goods item: /user/goods, /user/goods/info, /userweb/shopgoods/{ids}.
/// Answered from this front's copy of the catalogue (<see cref="CatalogueCopy"/>), or by the shop's
/// grain while the copy lacks the shop.
/// </summary>
public static class GoodsApi
{
    public static IEndpointRouteBuilder MapGoodsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/user/goods", List).WithTags("Goods").WithSummary("A shop's on-sale goods, newest first")
            .WithQuery([QueryDocs.Shop, .. QueryDocs.Paging()]);
        app.MapGet("/user/goods/info", Info).WithTags("Goods").WithSummary("One goods item by ?gid= or ?barcode=")
            .WithQuery(QueryDocs.Id("gid", "the goods item", required: false), QueryDocs.Text("barcode", "its barcode, when gid is not given", 64));
        app.MapGet("/userweb/shopgoods/{ids}", ShopGoods).WithTags("Goods").WithSummary("The on-sale goods of several shops (v2); ids comma-separated")
            .WithQuery(QueryDocs.Count(ShopGoodsDefaultCount));
        return app;
    }

    private static async Task<GoodsListReply> List(HttpRequest request, HttpContext context, IGrainFactory grains, KnownIds known, CatalogueCopy copy)
    {
        var sid = request.Query.RequiredId("sid");
        var (offset, count) = request.Query.Paging();
        await known.RequireShop(sid);
        // An unknown shop is err 4, not an empty list.
        var page = copy.GoodsOf(sid)?.Page(offset, count) ?? await grains.GetGrain<IShopGrain>(sid).ListGoods(offset, count).OrFail("shop");
        await ShopPresence.Heard(context, grains, sid);
        var legacy = context.LegacyWire();
        return new(Err.Ok, [.. page.Items.Select(g =>
            new GoodsListItemWire(g.Id, g.Desp, g.Price, g.Promot, g.FirstPic, legacy ? LegacyTypes.Time(g.Time) : g.Time))]);
    }

    private static async Task<GoodsInfoReply> Info(HttpRequest request, HttpContext context, IGrainFactory grains, CatalogueCopy copy)
    {
        var gid = request.Query.OptionalId("gid");
        var barcode = gid is null ? request.Query.RequiredText("barcode", 64) : null;
        var goods = (gid is { } id ? copy.FindGoods(id) : null) ?? await GoodsLookup.Find(grains, gid, barcode) ?? throw ApiException.NotFound("goods");
        var savers = await grains.GetGrain<IGoodsSaversGrain>(goods.Id).Count();
        await ShopPresence.Heard(context, grains, goods.Shop);
        return new(Err.Ok, new GoodsInfoWire(goods.Id, goods.Shop, goods.Desp, goods.Price, goods.Promot, goods.Pics,
            GoodsV2.BasicOf(goods, context.LegacyWire()), goods.Status, savers, goods.Detail, goods.Brand, goods.Remark, goods.Barcode ?? ""));
    }

    /// <summary>The goods per shop /userweb/shopgoods answers unless ?count= says otherwise (the web client shows six).</summary>
    public const int ShopGoodsDefaultCount = 6;

    /// <summary>v2: ids in the path, separated by commas ("1, 2, 3"), the newest ?count= goods of each; snake_case answer.</summary>
    private static async Task<ShopGoodsReply> ShopGoods(string ids, HttpRequest request, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var (_, count) = request.Query.Paging(defaultCount: ShopGoodsDefaultCount);
        var legacy = context.LegacyWire();
        var shopIds = ids.Split(',', StringSplitOptions.TrimEntries)
            .Select(id => QueryReader.ParseId(id, "shop id")).Distinct().ToArray();
        if (shopIds.Length > QueryReader.MaxListLength) throw ApiException.BadRequest($"at most {QueryReader.MaxListLength} shops");

        foreach (var sid in shopIds)
        {
            if (!await known.IsShop(sid)) throw ApiException.NotFound($"shop {sid}");
        }
        var shops = await Task.WhenAll(shopIds.Select(async sid =>
        {
            var shop = grains.GetGrain<IShopGrain>(sid);
            var details = await shop.GetDetails().OrFail($"shop {sid}");
            var newest = await shop.ListGoods(0, count).OrFail($"shop {sid}");
            return new ShopGoodsWire(sid, details.Name, [.. newest.Items.Select(g => ShopGoodsItemWire.Of(g, legacy))]);
        }));
        return new(Err.Ok, shops.Length, [.. shops]);
    }
}
