using Mmx.Api.Lookups;
using System.Text.Json.Serialization;
using Mmx.Api.ShopLife;
using Mmx.Api.Wire;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Catalogue;

/// <summary>Goods of a shop and one goods item: /user/goods, /user/goods/info, /userweb/shopgoods/{ids}.</summary>
public static class GoodsApi
{
    public static IEndpointRouteBuilder MapGoodsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/user/goods", List).WithTags("Goods").WithSummary("A shop's on-sale goods, newest first");
        app.MapGet("/user/goods/info", Info).WithTags("Goods").WithSummary("One goods item by ?gid= or ?barcode=");
        app.MapGet("/userweb/shopgoods/{ids}", ShopGoods).WithTags("Goods").WithSummary("The on-sale goods of several shops (v2)");
        return app;
    }

    private static async Task<IResult> List(HttpRequest request, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = request.Query.RequiredId("sid");
        var (offset, count) = request.Query.Paging();
        await known.RequireShop(sid);
        // An unknown shop is err 4, not an empty list.
        var page = await grains.GetGrain<IShopGrain>(sid).ListGoods(offset, count) ?? throw ApiException.NotFound("shop");
        await ShopPresence.Heard(context, grains, sid);
        var legacy = context.LegacyWire();
        return Results.Json(new
        {
            err = Err.Ok,
            goodsList = page.Items.Select(g => new
            {
                g.Id, name = g.Desp, g.Price, g.Promot, pic = g.FirstPic,
                time = legacy ? LegacyTypes.Time(g.Time) : (object)g.Time,
            }),
        });
    }

    private static async Task<IResult> Info(HttpRequest request, HttpContext context, IGrainFactory grains)
    {
        var gid = request.Query.OptionalId("gid");
        var barcode = gid is null ? request.Query.RequiredText("barcode", 64) : null;
        var goods = await GoodsLookup.Find(grains, gid, barcode) ?? throw ApiException.NotFound("goods");
        var savers = await grains.GetGrain<IGoodsSaversGrain>(goods.Id).Count();
        await ShopPresence.Heard(context, grains, goods.Shop);
        return Results.Json(new
        {
            err = Err.Ok,
            info = new
            {
                goods.Id,
                shop_id = goods.Shop,
                goods.Desp,
                goods.Price,
                goods.Promot,
                picList = goods.Pics,
                basic = GoodsV2.BasicOf(goods, context.LegacyWire()),
                goods.Status,
                attention_count = savers,
            },
        });
    }

    /// <summary>The goods per shop /userweb/shopgoods answers unless ?count= says otherwise (the web client shows six).</summary>
    public const int ShopGoodsDefaultCount = 6;

    /// <summary>v2: ids in the path, separated by commas ("1, 2, 3"), the newest ?count= goods of each; snake_case answer.</summary>
    private static async Task<IResult> ShopGoods(string ids, HttpRequest request, HttpContext context, IGrainFactory grains, KnownIds known)
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
            var details = await shop.GetDetails() ?? throw ApiException.NotFound($"shop {sid}");
            var newest = await shop.ListGoods(0, count) ?? throw ApiException.NotFound($"shop {sid}");
            return new ShopGoodsV2(sid, details.Name, [.. newest.Items.Select(g => ShopGoodsItemV2.Of(g, legacy))]);
        }));
        return Results.Json(new { err = Err.Ok, total_num = shops.Length, shops });
    }

    private sealed record ShopGoodsV2(
        [property: JsonPropertyName("shop_id")] long ShopId,
        [property: JsonPropertyName("shop_name")] string ShopName,
        ImmutableArray<ShopGoodsItemV2> Goods);

    /// <summary>A goods item of /userweb/shopgoods: the v2 fields plus what the web client reads (pic, name, time).</summary>
    private sealed record ShopGoodsItemV2(long Id, string Name, string Desp, decimal Price, decimal Promot, string Pic,
        ImmutableArray<string> PicList, object Basic, int Status, object Time)
    {
        public static ShopGoodsItemV2 Of(Goods g, bool legacy) => new(g.Id, g.Desp, g.Desp, g.Price, g.Promot, g.FirstPic, g.Pics,
            GoodsV2.BasicOf(g, legacy), g.Status, legacy ? LegacyTypes.Time(g.Time) : g.Time);
    }
}

/// <summary>
/// A goods item as the v2 routes answer it (id, desp, price, promot, picList, basic, status);
/// <see cref="Basic"/> is the list of attributes, or on the legacy wire its JSON text.
/// </summary>
public sealed record GoodsV2(long Id, string Desp, decimal Price, decimal Promot,
    ImmutableArray<string> PicList, object Basic, int Status)
{
    public static GoodsV2 Of(Goods g, bool legacy) => new(g.Id, g.Desp, g.Price, g.Promot, g.Pics, BasicOf(g, legacy), g.Status);

    /// <summary>A goods item's attributes in the wire's type: a list, or the JSON text the shipped app parses.</summary>
    public static object BasicOf(Goods g, bool legacy) => legacy ? LegacyTypes.Basic(g.Basic) : g.Basic;
}
