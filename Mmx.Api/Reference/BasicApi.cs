namespace Mmx.Api.Reference;

/// <summary>
/// /basic/*: the reference data the web client's and the merchant portal's pickers read (the
/// original's paths and fields): provinces, a province's cities, a city's districts, goods
/// categories, from the catalogue (the import's provinces, cities and districts). Public: nothing
/// here is personal. MMX knows only the places it imported, so the original's <c>all=1</c>
/// (places the platform did not serve yet) is read and changes nothing.
/// </summary>
public static class BasicApi
{
    public static IEndpointRouteBuilder MapBasicApi(this IEndpointRouteBuilder app)
    {
        var basic = app.MapGroup("/basic").WithTags("Reference data");
        basic.MapGet("/provinces", Provinces).WithSummary("Every province").WithQuery(All);
        basic.MapGet("/cities", Cities).WithSummary("The cities of ?province_id= (every city without it)")
            .WithQuery(QueryDocs.Id("province_id", "the province", required: false), All);
        basic.MapGet("/city/{id:long}", City).WithSummary("A city with its province");
        basic.MapGet("/districts", Districts).WithSummary("The districts of ?city_id=").WithQuery(QueryDocs.Id("city_id", "the city"));
        basic.MapGet("/district/{id:long}", District).WithSummary("A district with its city");
        basic.MapGet("/goodscategories", Categories)
            .WithSummary("Top-level goods categories, the children of ?parent_id=, every category (type=all) or the tree (type=all_tree)")
            .WithQuery(QueryDocs.Id("parent_id", "the parent category", required: false), QueryDocs.Text("type", "all or all_tree", 8));
        return app;
    }

    private static readonly QueryDoc All = QueryDocs.Switch("all", "the original's 'unsupported places too': MMX has only the places it serves");

    private static Task<Places> Places(IGrainFactory grains) => grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetPlaces();

    private static async Task<BasicProvincesReply> Provinces(IGrainFactory grains)
    {
        var provinces = (await Places(grains)).Provinces;
        return new(Err.Ok, provinces.Length, [.. provinces.Select(p => new BasicProvinceWire(p.Id, p.Name))]);
    }

    private static async Task<BasicCitiesReply> Cities(HttpRequest request, IGrainFactory grains)
    {
        var province = request.Query.OptionalId("province_id");
        var cities = (await Places(grains)).Cities.Where(c => province is null || c.Province == province).ToList();
        return new(Err.Ok, cities.Count, [.. cities.Select(c => new BasicCityWire(c.Id, c.Name))]);
    }

    private static async Task<BasicCityInfoReply> City(long id, IGrainFactory grains)
    {
        var places = await Places(grains);
        var city = places.Cities.FirstOrDefault(c => c.Id == id) ?? throw ApiException.NotFound("city");
        var province = places.Provinces.FirstOrDefault(p => p.Id == city.Province);
        return new(Err.Ok, city.Id, city.Name, province?.Id ?? 0, province?.Name ?? "");
    }

    private static async Task<BasicDistrictsReply> Districts(HttpRequest request, IGrainFactory grains)
    {
        var city = request.Query.RequiredId("city_id");
        var districts = (await Places(grains)).Districts.Where(d => d.City == city).ToList();
        return new(Err.Ok, districts.Count, [.. districts.Select(d => new BasicDistrictWire(d.Id, d.Name))]);
    }

    private static async Task<BasicDistrictInfoReply> District(long id, IGrainFactory grains)
    {
        var district = (await Places(grains)).Districts.FirstOrDefault(d => d.Id == id) ?? throw ApiException.NotFound("district");
        return new(Err.Ok, district.Id, district.Name, district.City);
    }

    private static async Task<BasicGoodsCategoriesReply> Categories(HttpRequest request, IGrainFactory grains)
    {
        var parent = request.Query.OptionalId("parent_id");
        var type = request.Query.OptionalText("type", 8);
        var tree = await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetCategoryTree();
        IReadOnlyList<BasicGoodsCategoryWire> list = type switch
        {
            "all_tree" => [.. tree.Select(n => new BasicGoodsCategoryWire(n.Id, n.Name, n.Id, n.Name, 0,
                [.. n.Children.Select(c => new BasicGoodsCategoryWire(c.Id, c.Name, c.Id, c.Name, n.Id, null))]))],
            "all" => [.. tree.SelectMany(n => n.Children.Select(c => new BasicGoodsCategoryWire(c.Id, c.Name, c.Id, c.Name, n.Id, null))
                .Prepend(new BasicGoodsCategoryWire(n.Id, n.Name, n.Id, n.Name, 0, null)))],
            null or "" when parent is { } p => [.. (tree.FirstOrDefault(n => n.Id == p)?.Children ?? [])
                .Select(c => new BasicGoodsCategoryWire(c.Id, c.Name, c.Id, c.Name, p, null))],
            null or "" => [.. tree.Select(n => new BasicGoodsCategoryWire(n.Id, n.Name, n.Id, n.Name, 0, null))],
            _ => throw ApiException.BadRequest("type must be all or all_tree"),
        };
        return new(Err.Ok, list.Count, [.. list]);
    }
}
