using Mmx.Api.Lookups;
using Mmx.Api.Accounts;
using Mmx.Api.Operations;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.ShopLife;

/// <summary>Being in shops: /user/shop/enter, /user/shop/exit, /user/shop/customer, /user/shop/visit.</summary>
public static class PresenceApi
{
    public static IEndpointRouteBuilder MapPresenceApi(this IEndpointRouteBuilder app)
    {
        var shop = app.MapGroup("/user/shop").WithTags("Presence").RequireSession();
        shop.MapPost("/enter", Enter).WithSummary("Enter a shop (leaving the one you were in); records a visit");
        shop.MapPost("/exit", Exit).WithSummary("Leave a shop");
        shop.MapGet("/customer", Customers).WithSummary("How many people are in the shop; the 3-minute poll that keeps you counted");
        shop.MapGet("/visit", Visits).WithSummary("Shops you visited, newest first; direct=1 older than time, direct=2 newer");
        return app;
    }


    private static async Task<IResult> Enter(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        var result = ApiResults.Err(await grains.Own<IUserShopsGrain>(context).Enter(sid));
        MmxMetrics.Entered();
        return result;
    }

    private static async Task<IResult> Exit(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        var left = await grains.Own<IUserShopsGrain>(context).Exit(sid);
        if (left == Err.Ok) MmxMetrics.Exited();
        return ApiResults.Err(left);
    }

    private static async Task<IResult> Customers(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        var count = await grains.GetGrain<IShopLifeGrain>(sid).Poll(context.AccId()) ?? throw ApiException.NotFound("shop");
        return Results.Json(new { err = Err.Ok, count });
    }

    private static async Task<IResult> Visits(HttpContext context, IGrainFactory grains)
    {
        var query = context.Request.Query;
        var time = query.ContainsKey("time") ? query.RequiredLong("time", 0, long.MaxValue) : 0;
        var direct = query.ContainsKey("direct") ? query.RequiredInt("direct", 1, 2) : 1;
        var (_, count) = query.Paging();
        var visits = await grains.Own<IUserShopsGrain>(context).Visits(time, direct, count);
        var shops = await ShopNames.Of(grains, visits.Select(v => v.ShopId));
        return Results.Json(new
        {
            err = Err.Ok,
            shopList = visits.Select(v => new { id = v.ShopId, name = shops.GetValueOrDefault(v.ShopId)?.Name ?? "", v.Time }),
        });
    }
}
