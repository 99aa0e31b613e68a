using Mmx.Api.Lookups;
using Mmx.Api.Accounts;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Catalogue;

/// <summary>
/// Shop listing, search and details: /user/shop, /user/shop/search, /user/shop/recommend,
/// /user/shop/name, /user/shop/info. Listings are answered by the city's directory grain.
/// </summary>
public static class ShopsApi
{
    public const int MaxSearchLength = 32;

    public static IEndpointRouteBuilder MapShopsApi(this IEndpointRouteBuilder app)
    {
        var shops = app.MapGroup("/user/shop").WithTags("Shops");
        shops.MapGet("", List).WithSummary("A city's shops by category, nearest first when long/lat are given");
        shops.MapGet("/search", Search).WithSummary("A city's shops whose name, pinyin or pinyin initials contain ?name=");
        shops.MapGet("/recommend", Recommend).WithSummary("A city's recommended shops");
        shops.MapGet("/name", Name).WithSummary("A shop's name");
        shops.MapGet("/info", Info).WithSummary("A shop's details");
        return app;
    }

    /// <summary>category=0 is the apps' "all categories".</summary>
    private static Task<IResult> List(HttpRequest request, IGrainFactory grains, KnownIds known) =>
        Listing(request, grains, known, name: null, category: request.Query.OptionalCategory());

    /// <summary>Name, pinyin or pinyin initials; an empty name lists the city like /user/shop.</summary>
    private static Task<IResult> Search(HttpRequest request, IGrainFactory grains, KnownIds known) =>
        Listing(request, grains, known, name: request.Query.OptionalText("name", MaxSearchLength), category: request.Query.OptionalCategory());

    private static async Task<IResult> Listing(HttpRequest request, IGrainFactory grains, KnownIds known, string? name, long? category)
    {
        var city = request.Query.RequiredId("city");
        var position = request.Query.OptionalPosition();
        var (offset, count) = request.Query.Paging();
        await known.RequireCity(city);
        var page = await grains.GetGrain<ICityDirectoryGrain>(city).ListShops(new ShopQuery
        {
            Category = category,
            Name = name,
            Long = position?.Long,
            Lat = position?.Lat,
            Offset = offset,
            Count = count,
        }) ?? throw ApiException.NotFound(category is null ? "city" : "city or category");
        return Results.Json(new { err = Err.Ok, total_num = page.Total, shopList = page.Items });
    }

    private static async Task<IResult> Recommend(HttpRequest request, IGrainFactory grains, KnownIds known)
    {
        var city = request.Query.RequiredId("city");
        await known.RequireCity(city);
        var shops = await grains.GetGrain<ICityDirectoryGrain>(city).Recommended() ?? throw ApiException.NotFound("city");
        return Results.Json(new { err = Err.Ok, shopList = shops });
    }

    private static async Task<IResult> Name(HttpRequest request, IGrainFactory grains, KnownIds known)
    {
        var sid = request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        var shop = await grains.GetGrain<IShopGrain>(sid).GetDetails() ?? throw ApiException.NotFound("shop");
        return Results.Json(new { err = Err.Ok, shopName = shop.Name });
    }

    private static async Task<IResult> Info(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        // isFans needs the caller, but the route is public: without a session it is 0.
        var caller = await Sessions.OptionalAccId(context) ?? 0;
        var found = await grains.GetGrain<IShopLifeGrain>(sid).Info(caller) ?? throw ApiException.NotFound("shop");
        var (shop, counts) = (found.Shop, found.Counts);
        return Results.Json(new
        {
            err = Err.Ok,
            info = new
            {
                shop.Id,
                shop.Name,
                counts.Fans,
                counts.Customers,
                isFans = counts.IsFan ? 1 : 0,
                picList = shop.Pics,
                shop.Address,
                shop.Long,
                shop.Lat,
                shop.Hours,
                shop.Phone,
                shop.Intro,
            },
        });
    }
}
