using Mmx.Api.Validation;
using Mmx.Api.Lookups;
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
        user.MapPost("/shop/concern", Follow).WithSummary("Follow a shop").WithQuery(QueryDocs.Shop);
        user.MapDelete("/shop/concern", Unfollow).WithSummary("Stop following a shop").WithQuery(QueryDocs.Shop);
        user.MapPost("/fans/diff", Diff).WithBody<ShopIdsRequest>().WithSummary("What to add to and delete from the client's list of followed shops");
        user.MapGet("/fans/info", Info).WithSummary("Followed shops among ?sid=, with the time followed and the message setting")
            .WithQuery(QueryDocs.Ids("sid", "the shops asked about (none: an empty list)") with { Required = false });
        user.MapGet("/fans/news", News).WithSummary("Whether shops have a valid activity (hasAct) or new goods this week (hasNew)")
            .WithQuery(QueryDocs.Ids("sid", "the shops"));
        user.MapPost("/setting/message", SetMessages).WithBody<MessageSettingRequest>().WithSummary("Shop messages on (2) or off (0), for one followed shop or all (-1)");
        return app;
    }


    private static async Task<OkReply> Follow(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        return ApiResults.Done(await grains.Own<IUserShopsGrain>(context).Follow(sid));
    }

    private static async Task<OkReply> Unfollow(HttpContext context, IGrainFactory grains)
    {
        await grains.Own<IUserShopsGrain>(context).Unfollow(context.Request.Query.RequiredId("sid"));
        return ApiResults.Done();
    }

    private static async Task<FanShopsDiffReply> Diff(HttpContext context, IGrainFactory grains)
    {
        var local = LocalIds.Checked((await JsonBody.Read<ShopIdsRequest>(context.Request)).ShopIDs, "shopIDs");
        var fans = await grains.Own<IUserShopsGrain>(context).FanShops();
        var (add, delete) = LocalIds.Diff(fans.Select(f => f.ShopId), local);
        return new(Err.Ok, add, delete);
    }

    private static async Task<FanShopsReply> Info(HttpContext context, IGrainFactory grains)
    {
        // The shipped app asks with no sid at all when its local list is empty: an empty answer.
        var asked = context.Request.Query.IdList("sid", allowNone: true).ToHashSet();
        if (asked.Count == 0) return new(Err.Ok, []);
        var fans = (await grains.Own<IUserShopsGrain>(context).FanShops()).Where(f => asked.Contains(f.ShopId)).ToList();
        var shops = await ShopNames.Of(grains, fans.Select(f => f.ShopId));
        return new(Err.Ok, [.. fans.Where(f => shops.ContainsKey(f.ShopId)).Select(f =>
            new FanShopWire(f.ShopId, shops[f.ShopId].Name, shops[f.ShopId].FirstPic, f.Since, f.MessagesOn ? MessagesOn : 0))]);
    }

    private static async Task<ShopNewsReply> News(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var ids = await known.OnlyShops(context.Request.Query.IdList("sid"));
        var news = await Task.WhenAll(ids.Select(id => grains.GetGrain<IShopGrain>(id).News()));
        // Unknown shops are left out, like unknown ids in the other list look-ups.
        return new(Err.Ok, [.. ids.Zip(news).Where(n => n.Second.IsOk)
            .Select(n => new ShopNewsWire(n.First, n.Second.Value!.HasAct ? 1 : 0, n.Second.Value.HasNew ? 1 : 0))]);
    }

    private static async Task<OkReply> SetMessages(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<MessageSettingRequest>(context.Request);
        var shop = body.ShopID is -1 or > 0 ? body.ShopID.Value : throw ApiException.BadRequest("shopID must be a shop id or -1");
        var on = body.MsgEnable switch
        {
            0 => false,
            1 or 2 => true,
            _ => throw ApiException.BadRequest("msgEnable must be 0 (off) or 2 (on)"),
        };
        return ApiResults.Done(await grains.Own<IUserShopsGrain>(context).SetMessages(shop, on));
    }
}
