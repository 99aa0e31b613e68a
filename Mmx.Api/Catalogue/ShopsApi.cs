using Mmx.Api.Lookups;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Catalogue;

/// <summary>
/// Shop listing, search and details: /user/shop, /user/shop/search, /user/shop/recommend,
/// /user/shop/name, /user/shop/info. Listings are answered from this front's copy of the catalogue
/// (<see cref="CatalogueCopy"/>), or by the city's directory grain while the copy lacks the city.
/// </summary>
public static class ShopsApi
{
    public const int MaxSearchLength = 32;

    public static IEndpointRouteBuilder MapShopsApi(this IEndpointRouteBuilder app)
    {
        var shops = app.MapGroup("/user/shop").WithTags("Shops");
        shops.MapGet("", List).WithSummary("A city's shops by category, nearest first when long/lat are given")
            .WithQuery([QueryDocs.City, QueryDocs.Category, QueryDocs.Long, QueryDocs.Lat, .. QueryDocs.Paging()]);
        shops.MapGet("/search", Search).WithSummary("A city's shops whose name, pinyin or pinyin initials contain ?name=")
            .WithQuery([QueryDocs.City, QueryDocs.Text("name", "part of the name, its pinyin or pinyin initials; empty lists the city", MaxSearchLength),
                QueryDocs.Category, QueryDocs.Long, QueryDocs.Lat, .. QueryDocs.Paging()]);
        shops.MapGet("/recommend", Recommend).WithSummary("A city's recommended shops").WithQuery(QueryDocs.City);
        shops.MapGet("/name", Name).WithSummary("A shop's name").WithQuery(QueryDocs.Shop);
        shops.MapGet("/info", Info).WithSummary("A shop's details").WithQuery(QueryDocs.Shop);
        return app;
    }

    /// <summary>category=0 is the apps' "all categories".</summary>
    private static Task<ShopListReply> List(HttpRequest request, IGrainFactory grains, KnownIds known, CatalogueCopy copy) =>
        Listing(request, grains, known, copy, name: null, category: request.Query.OptionalCategory());

    /// <summary>Name, pinyin or pinyin initials; an empty name lists the city like /user/shop.</summary>
    private static Task<ShopListReply> Search(HttpRequest request, IGrainFactory grains, KnownIds known, CatalogueCopy copy) =>
        Listing(request, grains, known, copy, name: request.Query.OptionalText("name", MaxSearchLength), category: request.Query.OptionalCategory());

    private static async Task<ShopListReply> Listing(HttpRequest request, IGrainFactory grains, KnownIds known, CatalogueCopy copy,
        string? name, long? category)
    {
        var city = request.Query.RequiredId("city");
        var position = request.Query.OptionalPosition();
        var (offset, count) = request.Query.Paging();
        await known.RequireCity(city);
        var query = new ShopQuery
        {
            Category = category,
            Name = name,
            Long = position?.Long,
            Lat = position?.Lat,
            Offset = offset,
            Count = count,
        };
        var found = copy.ListShops(city, query) ?? await grains.GetGrain<ICityDirectoryGrain>(city).ListShops(query);
        var page = found.OrFail(category is null ? "city" : "city or category");
        return new(Err.Ok, page.Total, [.. page.Items.Select(ShopListItemWire.Of)]);
    }

    private static async Task<RecommendedShopsReply> Recommend(HttpRequest request, IGrainFactory grains, KnownIds known, CatalogueCopy copy)
    {
        var city = request.Query.RequiredId("city");
        await known.RequireCity(city);
        var found = copy.City(city)?.Recommended() ?? await grains.GetGrain<ICityDirectoryGrain>(city).Recommended();
        var shops = found.OrFail("city");
        return new(Err.Ok, [.. shops.Select(s => new RecommendedShopWire(s.Id, s.Name, s.Pic, s.Description))]);
    }

    private static async Task<ShopNameReply> Name(HttpRequest request, IGrainFactory grains, KnownIds known)
    {
        var sid = request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        var shop = await grains.GetGrain<IShopGrain>(sid).GetDetails().OrFail("shop");
        return new(Err.Ok, shop.Name);
    }

    private static async Task<ShopInfoReply> Info(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var sid = context.Request.Query.RequiredId("sid");
        await known.RequireShop(sid);
        // isFans needs the caller, but the route is public: without a session it is 0.
        var caller = await Sessions.OptionalAccId(context) ?? 0;
        var found = await grains.GetGrain<IShopLifeGrain>(sid).Info(caller).OrFail("shop");
        var (shop, counts) = (found.Shop, found.Counts);
        return new(Err.Ok, new ShopInfoWire(shop.Id, shop.Name, counts.Fans, counts.Customers, counts.IsFan ? 1 : 0, shop.Pics,
            shop.Address, shop.Long, shop.Lat, shop.Hours, shop.Phone, shop.Intro));
    }
}
