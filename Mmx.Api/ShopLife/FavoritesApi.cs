using Mmx.Api.Validation;
using Mmx.Api.Lookups;
using Mmx.Api.Wire;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.ShopLife;

/// <summary>
/// Saved goods: /user/goods/concern (POST save, DELETE forget), /user/favorite/diff,
/// /user/favorite/info, /user/goods/promot, /user/goods/promot/news (v2), /userweb/{uid}/favorites (v2).
/// </summary>
public static class FavoritesApi
{
    public static IEndpointRouteBuilder MapFavoritesApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("").WithTags("Favorites").RequireSession();
        user.MapPost("/user/goods/concern", Save).WithSummary("Save a goods item").WithQuery(QueryDocs.Id("gid", "the goods item"));
        user.MapDelete("/user/goods/concern", Forget).WithSummary("Forget a saved goods item").WithQuery(QueryDocs.Id("gid", "the goods item"));
        user.MapPost("/user/favorite/diff", Diff).WithBody<GoodsIdsRequest>().WithSummary("What to add to and delete from the client's list of saved goods");
        user.MapGet("/user/favorite/info", Info).WithSummary("Goods details for ?gid= (saved or not), any status").WithQuery(QueryDocs.Ids("gid", "the goods"));
        user.MapGet("/user/goods/promot", Promotions).WithSummary("Current promotion price and status of goods").WithQuery(QueryDocs.Ids("gid", "the goods"));
        user.MapGet("/user/goods/promot/news", PromotionNews).WithSummary("Current details of several goods (v2)").WithQuery(QueryDocs.Ids("gid", "the goods"));
        user.MapGet("/userweb/{uid}/favorites", OwnFavorites).WithSummary("Your saved goods, newest first (v2; only your own uid)").WithQuery(QueryDocs.Paging(countKey: "limit"));
        return app;
    }


    private static async Task<OkReply> Save(HttpContext context, IGrainFactory grains)
    {
        var gid = context.Request.Query.RequiredId("gid");
        if (!await GoodsLookup.Exists(grains, gid)) throw ApiException.NotFound("goods");
        return ApiResults.Done(await grains.Own<IUserShopsGrain>(context).Favorite(gid));
    }

    private static async Task<OkReply> Forget(HttpContext context, IGrainFactory grains)
    {
        await grains.Own<IUserShopsGrain>(context).Unfavorite(context.Request.Query.RequiredId("gid"));
        return ApiResults.Done();
    }

    private static async Task<SavedGoodsDiffReply> Diff(HttpContext context, IGrainFactory grains)
    {
        var local = LocalIds.Checked((await JsonBody.Read<GoodsIdsRequest>(context.Request)).GoodsIDs, "goodsIDs");
        var saved = await grains.Own<IUserShopsGrain>(context).Favorites();
        var (add, delete) = LocalIds.Diff(saved.Select(f => f.GoodsId), local);
        return new(Err.Ok, add, delete);
    }

    private static async Task<SavedGoodsReply> Info(HttpContext context, IGrainFactory grains)
    {
        var goods = await Ordered(grains, context.Request.Query.IdList("gid"));
        return new(Err.Ok, [.. goods.Select(g => new SavedGoodsWire(g.Id, g.Shop, g.Desp, g.Price, g.Promot, g.FirstPic))]);
    }

    /// <summary>
    /// The spec lists this route twice (gid+promot, gid+promot+status): the answer is the union,
    /// except on the legacy wire, whose app model raises on the status key it does not know.
    /// </summary>
    private static async Task<PromotionsReply> Promotions(HttpContext context, IGrainFactory grains)
    {
        var goods = await Ordered(grains, context.Request.Query.IdList("gid"));
        var legacy = context.LegacyWire();
        return new(Err.Ok, [.. goods.Select(g => new PromotionWire(g.Id, g.Promot, legacy ? null : g.Status))]);
    }

    private static async Task<GoodsV2ListReply> PromotionNews(HttpContext context, IGrainFactory grains)
    {
        var goods = await Ordered(grains, context.Request.Query.IdList("gid"));
        var legacy = context.LegacyWire();
        return new(Err.Ok, [.. goods.Select(g => GoodsV2.Of(g, legacy))]);
    }

    private static async Task<GoodsV2PageReply> OwnFavorites(string uid, HttpContext context, IGrainFactory grains)
    {
        if (QueryReader.ParseId(uid, "uid") != context.AccId()) throw ApiException.Forbidden("only your own favorites");
        var (offset, limit) = context.Request.Query.Paging("limit");
        var saved = await grains.Own<IUserShopsGrain>(context).Favorites();
        var page = await Ordered(grains, saved.Skip(offset).Take(limit).Select(f => f.GoodsId));
        var legacy = context.LegacyWire();
        return new(Err.Ok, saved.Length, [.. page.Select(g => GoodsV2.Of(g, legacy))]);
    }

    /// <summary>The goods that exist among these ids, in the order asked; unknown ids are left out.</summary>
    private static async Task<IEnumerable<Goods>> Ordered(IGrainFactory grains, IEnumerable<long> ids)
    {
        var list = ids.ToList();
        var found = await GoodsLookup.FindMany(grains, list);
        return list.Where(found.ContainsKey).Select(id => found[id]);
    }
}
