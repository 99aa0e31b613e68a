using System.Text.Json.Serialization;
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

    private static async Task<IResult> List(HttpRequest request, IGrainFactory grains)
    {
        var sid = request.Query.RequiredId("sid");
        var (offset, count) = request.Query.Paging();
        // An unknown shop is err 4, not an empty list.
        var page = await grains.GetGrain<IShopGrain>(sid).ListGoods(offset, count) ?? throw ApiException.NotFound("shop");
        return Results.Json(new
        {
            err = Err.Ok,
            goodsList = page.Items.Select(g => new { g.Id, name = g.Desp, g.Price, g.Promot, pic = g.FirstPic, g.Time }),
        });
    }

    private static async Task<IResult> Info(HttpRequest request, IGrainFactory grains)
    {
        var gid = request.Query.OptionalId("gid");
        var barcode = gid is null ? request.Query.RequiredText("barcode", 64) : null;
        var goods = await GoodsLookup.Find(grains, gid, barcode) ?? throw ApiException.NotFound("goods");
        var savers = await grains.GetGrain<IGoodsSaversGrain>(goods.Id).Count();
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
                goods.Basic,
                goods.Status,
                attention_count = savers,
            },
        });
    }

    /// <summary>The goods per shop /userweb/shopgoods answers unless ?count= says otherwise (the web client shows six).</summary>
    public const int ShopGoodsDefaultCount = 6;

    /// <summary>v2: ids in the path, separated by commas ("1, 2, 3"), the newest ?count= goods of each; snake_case answer.</summary>
    private static async Task<IResult> ShopGoods(string ids, HttpRequest request, IGrainFactory grains)
    {
        var (_, count) = request.Query.Paging(defaultCount: ShopGoodsDefaultCount);
        var shopIds = ids.Split(',', StringSplitOptions.TrimEntries)
            .Select(id => QueryReader.ParseId(id, "shop id")).Distinct().ToArray();
        if (shopIds.Length > QueryReader.MaxListLength) throw ApiException.BadRequest($"at most {QueryReader.MaxListLength} shops");

        var shops = await Task.WhenAll(shopIds.Select(async sid =>
        {
            var shop = grains.GetGrain<IShopGrain>(sid);
            var details = await shop.GetDetails() ?? throw ApiException.NotFound($"shop {sid}");
            var newest = await shop.ListGoods(0, count) ?? throw ApiException.NotFound($"shop {sid}");
            return new ShopGoodsV2(sid, details.Name, [.. newest.Items.Select(ShopGoodsItemV2.Of)]);
        }));
        return Results.Json(new { err = Err.Ok, total_num = shops.Length, shops });
    }

    private sealed record ShopGoodsV2(
        [property: JsonPropertyName("shop_id")] long ShopId,
        [property: JsonPropertyName("shop_name")] string ShopName,
        ImmutableArray<ShopGoodsItemV2> Goods);

    /// <summary>A goods item of /userweb/shopgoods: the v2 fields plus what the web client reads (pic, name, time).</summary>
    private sealed record ShopGoodsItemV2(long Id, string Name, string Desp, decimal Price, decimal Promot, string Pic,
        ImmutableArray<string> PicList, ImmutableArray<GoodsAttribute> Basic, int Status, long Time)
    {
        public static ShopGoodsItemV2 Of(Goods g) => new(g.Id, g.Desp, g.Desp, g.Price, g.Promot, g.FirstPic, g.Pics, g.Basic, g.Status, g.Time);
    }
}

/// <summary>A goods item as the v2 routes answer it (id, desp, price, promot, picList, basic, status).</summary>
public sealed record GoodsV2(long Id, string Desp, decimal Price, decimal Promot,
    ImmutableArray<string> PicList, ImmutableArray<GoodsAttribute> Basic, int Status)
{
    public static GoodsV2 Of(Goods g) => new(g.Id, g.Desp, g.Price, g.Promot, g.Pics, g.Basic, g.Status);
}
