using Mmx.Api.Lookups;
using Mmx.Api.Accounts;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.ShopLife;

/// <summary>
/// Following shops: /user/shop/concern (POST follow, DELETE unfollow), /user/fans/diff,
/// /user/fans/info, /user/fans/news, /user/setting/message.
/// </summary>
public static class FansApi
{
    /// <summary>msgEnable on the wire: 0 off, 2 on (1 is accepted as on).</summary>
    public const int MessagesOn = 2;

    public static IEndpointRouteBuilder MapFansApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user").WithTags("Fans").RequireSession();
        user.MapPost("/shop/concern", Follow).WithSummary("Follow a shop");
        user.MapDelete("/shop/concern", Unfollow).WithSummary("Stop following a shop");
        user.MapPost("/fans/diff", Diff).WithSummary("What to add to and delete from the client's list of followed shops");
        user.MapGet("/fans/info", Info).WithSummary("Followed shops among ?sid=, with the time followed and the message setting");
        user.MapGet("/fans/news", News).WithSummary("Whether shops have a valid activity (hasAct) or new goods this week (hasNew)");
        user.MapPost("/setting/message", SetMessages).WithSummary("Shop messages on (2) or off (0), for one followed shop or all (-1)");
        return app;
    }


    private static async Task<IResult> Follow(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        return ApiResults.Err(await grains.Own<IUserShopsGrain>(context).Follow(sid));
    }

    private static async Task<IResult> Unfollow(HttpContext context, IGrainFactory grains)
    {
        await grains.Own<IUserShopsGrain>(context).Unfollow(context.Request.Query.RequiredId("sid"));
        return ApiResults.Ok();
    }

    private static async Task<IResult> Diff(HttpContext context, IGrainFactory grains)
    {
        var local = LocalIds.Checked((await JsonBody.Read<ShopIdsRequest>(context.Request)).ShopIDs, "shopIDs");
        var fans = await grains.Own<IUserShopsGrain>(context).FanShops();
        var (add, delete) = LocalIds.Diff(fans.Select(f => f.ShopId), local);
        return Results.Json(new { err = Err.Ok, addShopIDs = add, delShopIDs = delete });
    }

    private static async Task<IResult> Info(HttpContext context, IGrainFactory grains)
    {
        // The shipped app asks with no sid at all when its local list is empty: an empty answer.
        var asked = context.Request.Query.IdList("sid", allowNone: true).ToHashSet();
        if (asked.Count == 0) return Results.Json(new { err = Err.Ok, shopList = Array.Empty<object>() });
        var fans = (await grains.Own<IUserShopsGrain>(context).FanShops()).Where(f => asked.Contains(f.ShopId)).ToList();
        var shops = await ShopNames.Of(grains, fans.Select(f => f.ShopId));
        return Results.Json(new
        {
            err = Err.Ok,
            shopList = fans.Where(f => shops.ContainsKey(f.ShopId)).Select(f => new
            {
                id = f.ShopId,
                shops[f.ShopId].Name,
                pic = shops[f.ShopId].FirstPic,
                time = f.Since,
                msgEnable = f.MessagesOn ? MessagesOn : 0,
            }),
        });
    }

    private static async Task<IResult> News(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var ids = await known.OnlyShops(context.Request.Query.IdList("sid"));
        var news = await Task.WhenAll(ids.Select(id => grains.GetGrain<IShopGrain>(id).News()));
        return Results.Json(new
        {
            err = Err.Ok,
            // Unknown shops are left out, like unknown ids in the other list look-ups.
            shopList = ids.Zip(news).Where(n => n.Second is not null).Select(n => new
            {
                id = n.First,
                hasAct = n.Second!.HasAct ? 1 : 0,
                hasNew = n.Second.HasNew ? 1 : 0,
            }),
        });
    }

    private static async Task<IResult> SetMessages(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<MessageSettingRequest>(context.Request);
        var shop = body.ShopID is -1 or > 0 ? body.ShopID.Value : throw ApiException.BadRequest("shopID must be a shop id or -1");
        var on = body.MsgEnable switch
        {
            0 => false,
            1 or 2 => true,
            _ => throw ApiException.BadRequest("msgEnable must be 0 (off) or 2 (on)"),
        };
        return ApiResults.Err(await grains.Own<IUserShopsGrain>(context).SetMessages(shop, on));
    }
}
