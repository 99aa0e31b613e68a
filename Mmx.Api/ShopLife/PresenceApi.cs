using Mmx.Api.Lookups;
using Mmx.Api.Operations;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.ShopLife;

/// <summary>Being in shops: /user/shop/enter, /user/shop/exit, /user/shop/customer, /user/shop/visit.</summary>
public static class PresenceApi
{
    public static IEndpointRouteBuilder MapPresenceApi(this IEndpointRouteBuilder app)
    {
        var shop = app.MapGroup("/user/shop").WithTags("Presence").RequireSession();
        shop.MapPost("/enter", Enter).WithSummary("Enter a shop (leaving the one you were in); records a visit").WithQuery(QueryDocs.Shop);
        shop.MapPost("/exit", Exit).WithSummary("Leave a shop").WithQuery(QueryDocs.Shop);
        shop.MapGet("/customer", Customers).WithSummary("How many people are in the shop; the 3-minute poll that keeps you counted").WithQuery(QueryDocs.Shop);
        shop.MapGet("/visit", Visits).WithSummary("Shops you visited, newest first; direct=1 older than time, direct=2 newer")
            .WithQuery(new QueryDoc("time", "unix seconds to page from (0: the newest)", new QuerySchema("integer", "int64", 0, Default: 0)),
                QueryDocs.Int("direct", "1 older than time, 2 newer", 1, 2, required: false), QueryDocs.Count());
        return app;
    }


    private static async Task<OkReply> Enter(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        var result = ApiResults.Done(await grains.Own<IUserShopsGrain>(context).Enter(sid));
        MmxMetrics.Entered();
        return result;
    }

    private static async Task<OkReply> Exit(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        var left = await grains.Own<IUserShopsGrain>(context).Exit(sid);
        if (left == Err.Ok) MmxMetrics.Exited();
        return ApiResults.Done(left);
    }

    private static async Task<CustomersReply> Customers(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        var count = await grains.GetGrain<IShopLifeGrain>(sid).Poll(context.AccId()).OrFail("shop");
        return new(Err.Ok, count);
    }

    private static async Task<VisitsReply> Visits(HttpContext context, IGrainFactory grains)
    {
        var query = context.Request.Query;
        var time = query.ContainsKey("time") ? query.RequiredLong("time", 0, long.MaxValue) : 0;
        var direct = query.ContainsKey("direct") ? query.RequiredInt("direct", 1, 2) : 1;
        var (_, count) = query.Paging();
        var visits = await grains.Own<IUserShopsGrain>(context).Visits(time, direct, count);
        var shops = await ShopNames.Of(grains, visits.Select(v => v.ShopId));
        return new(Err.Ok, [.. visits.Select(v => new VisitWire(v.ShopId, shops.GetValueOrDefault(v.ShopId)?.Name ?? "", v.Time))]);
    }
}
