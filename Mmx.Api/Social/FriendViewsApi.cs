using Mmx.Api.Lookups;
using Mmx.Api.Wire;
using Mmx.Grains.ShopLife;
using Mmx.Grains.Social;

namespace Mmx.Api.Social;

/// <summary>
/// What friends may see of each other: /user/friend/private, /user/friend/favorite,
/// /user/friend/fans, /user/friend/visit; one's own switches at /user/setting/private; and the
/// public cards of /user/info.
/// </summary>
public static class FriendViewsApi
{
    private static readonly QueryDoc Friend = QueryDocs.Id("uid", "the friend");

    public static IEndpointRouteBuilder MapFriendViewsApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user").WithTags("Friends").RequireSession();
        user.MapGet("/friend/private", FriendPrivacy).WithSummary("A friend's privacy switches").WithQuery(Friend);
        user.MapGet("/friend/favorite", FriendFavorites).WithSummary("A friend's saved goods (if they share them)").WithQuery([Friend, .. QueryDocs.Paging()]);
        user.MapGet("/friend/fans", FriendFans).WithSummary("A friend's followed shops (if they share them)").WithQuery([Friend, .. QueryDocs.Paging()]);
        user.MapGet("/friend/visit", FriendVisits).WithSummary("Shops a friend visited (if they share them)").WithQuery([Friend, .. QueryDocs.Paging()]);
        user.MapGet("/setting/private", GetPrivacy).WithSummary("Your privacy switches");
        user.MapPost("/setting/private", SetPrivacy).WithBody<PrivacyRequest>().WithSummary("Set what friends may see");
        user.MapGet("/info", Cards).WithSummary("Nickname, city and portrait of users").WithQuery(QueryDocs.Ids("uid", "the users"))
            .RequireRateLimiting(Operations.RateLimits.Lookup);
        return app;
    }

    private static async Task<PrivacyReply> FriendPrivacy(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var uid = context.Request.Query.RequiredId("uid");
        await FriendAccess.RequireFriend(grains, known, context.AccId(), uid);
        return new(Err.Ok, PrivacyWire.Of(await grains.GetGrain<IUserSocialGrain>(uid).GetPrivacy()));
    }

    private static async Task<FriendGoodsReply> FriendFavorites(HttpContext context, IGrainFactory grains)
    {
        var (uid, offset, count) = await Shared(context, grains, p => p.FavoriteEnable);
        var saved = await grains.GetGrain<IUserShopsGrain>(uid).Favorites();
        var ids = saved.Skip(offset).Take(count).Select(f => f.GoodsId).ToList();
        var goods = await GoodsLookup.FindMany(grains, ids);
        var legacy = context.LegacyWire();
        return new(Err.Ok, [.. ids.Where(goods.ContainsKey).Select(id => goods[id]).Select(g => new FriendGoodsWire(g.Id, g.Desp,
            legacy ? LegacyTypes.Price(g.Price) : g.Price, legacy ? LegacyTypes.Price(g.Promot) : g.Promot, g.FirstPic))]);
    }

    private static async Task<FriendFanShopsReply> FriendFans(HttpContext context, IGrainFactory grains)
    {
        var (uid, offset, count) = await Shared(context, grains, p => p.FansEnable);
        var fans = (await grains.GetGrain<IUserShopsGrain>(uid).FanShops()).Skip(offset).Take(count).Select(f => f.ShopId).ToList();
        var shops = await ShopNames.Of(grains, fans);
        var news = await Task.WhenAll(fans.Select(id => grains.GetGrain<IShopGrain>(id).News()));
        return new(Err.Ok, [.. fans.Zip(news).Where(s => shops.ContainsKey(s.First) && s.Second.IsOk).Select(s =>
            new FriendFanShopWire(s.First, shops[s.First].Name, s.Second.Value!.HasAct ? 1 : 0, s.Second.Value.HasNew ? 1 : 0, shops[s.First].FirstPic))]);
    }

    private static async Task<FriendVisitsReply> FriendVisits(HttpContext context, IGrainFactory grains)
    {
        var (uid, offset, count) = await Shared(context, grains, p => p.VisitEnable);
        // Paged by offset: every visit (at most MaxVisits), then the page.
        var visits = (await grains.GetGrain<IUserShopsGrain>(uid).Visits(0, 1, UserShopsGrain.MaxVisits))
            .Skip(offset).Take(count).ToList();
        var shops = await ShopNames.Of(grains, visits.Select(v => v.ShopId));
        var legacy = context.LegacyWire();
        return new(Err.Ok, [.. visits.Where(v => shops.ContainsKey(v.ShopId)).Select(v =>
            new FriendVisitWire(v.ShopId, shops[v.ShopId].Name, shops[v.ShopId].FirstPic, legacy ? LegacyTypes.Time(v.Time) : v.Time))]);
    }

    /// <summary>The friend and page of a list behind a privacy switch, after the access checks.</summary>
    private static async Task<(long Uid, int Offset, int Count)> Shared(HttpContext context, IGrainFactory grains,
        Func<PrivacySettings, bool> shared)
    {
        var uid = context.Request.Query.RequiredId("uid");
        var (offset, count) = context.Request.Query.Paging();
        await FriendAccess.RequireShared(grains, context.RequestServices.GetRequiredService<KnownIds>(), context.AccId(), uid, shared);
        return (uid, offset, count);
    }

    private static async Task<PrivacyReply> GetPrivacy(HttpContext context, IGrainFactory grains) =>
        new(Err.Ok, PrivacyWire.Of(await grains.Own<IUserSocialGrain>(context).GetPrivacy()));

    private static async Task<OkReply> SetPrivacy(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<PrivacyRequest>(context.Request);
        // A switch left out keeps its value (the grain keeps it); a given one must be 0 or 1.
        static bool? Switch(int? value, string name) => value switch
        {
            null => null,
            0 => false,
            1 => true,
            _ => throw ApiException.BadRequest($"{name} must be 0 or 1"),
        };
        await grains.Own<IUserSocialGrain>(context).ChangePrivacy(new PrivacyChange
        {
            FavoriteEnable = Switch(body.FavoriteEnable, "favoriteEnable"),
            FansEnable = Switch(body.FansEnable, "fansEnable"),
            VisitEnable = Switch(body.VisitEnable, "visitEnable"),
        });
        return ApiResults.Done();
    }

    private static async Task<UserCardsReply> Cards(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var ids = context.Request.Query.IdList("uid");
        var profiles = await UserCards.Profiles(grains, known, ids);
        var cities = await UserCards.CityNames(grains);
        return new(Err.Ok, [.. ids.Where(profiles.ContainsKey).Select(id =>
            new UserCardWire(id, profiles[id].Name, cities.GetValueOrDefault(profiles[id].City, ""), profiles[id].Portrait))]);
    }
}
