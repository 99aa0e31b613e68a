using Mmx.Api.Presence;
using Mmx.Api.Lookups;
using Mmx.Api.Wire;

namespace Mmx.Api.Catalogue;

/// <summary>Activities: /user/shop/activity, /user/activity, /userweb/activity/{id}.</summary>
public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/user/shop/activity", OfShop).WithTags("Activities").WithSummary("A shop's activities valid today")
            .WithQuery(QueryDocs.Shop);
        app.MapGet("/user/activity", OfCity).WithTags("Activities").WithSummary("A city's activities valid today")
            .WithQuery([QueryDocs.City, .. QueryDocs.Paging()]);
        app.MapGet("/userweb/activity/{id}", One).WithTags("Activities").WithSummary("One activity, valid or not");
        return app;
    }

    private static async Task<ShopActivitiesReply> OfShop(HttpRequest request, HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        await ShopPresence.Heard(context, grains, sid);
        var activities = await grains.GetGrain<IShopGrain>(sid).ValidActivities();
        return new(Err.Ok, [.. activities.Select(a => new ShopActivityWire(a.Id, a.Title, a.Content, a.Bt, a.Et))]);
    }

    private static async Task<CityActivitiesReply> OfCity(HttpRequest request, IGrainFactory grains, KnownIds known)
    {
        var city = request.Query.RequiredId("city");
        var (offset, count) = request.Query.Paging();
        await known.RequireCity(city);
        var page = await grains.GetGrain<ICityDirectoryGrain>(city).ListActivities(offset, count).OrFail("city");
        return new(Err.Ok, page.Total, [.. page.Items.Select(ActivityWire.Of)]);
    }

    private static async Task<ActivityReply> One(string id, HttpContext context, IGrainFactory grains)
    {
        var activityId = QueryReader.ParseId(id, "activity id");
        var sid = await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).FindActivityShop(activityId).OrFail("activity");
        var shop = grains.GetGrain<IShopGrain>(sid);
        var a = await shop.FindActivity(activityId).OrFail("activity");
        if (!context.LegacyWire())
        {
            return new(Err.Ok, a.Id, a.Title, a.Content, a.Bt, a.Et, a.ShopId, a.ShopName, a.ShopPicture);
        }
        // The original answered every picture of the shop, and the days with a time of day.
        var pics = (await shop.GetDetails()).Value?.Pics ?? [];
        return new(Err.Ok, a.Id, a.Title, a.Content, LegacyTypes.Day(a.Bt), LegacyTypes.Day(a.Et), a.ShopId, a.ShopName, pics);
    }
}
