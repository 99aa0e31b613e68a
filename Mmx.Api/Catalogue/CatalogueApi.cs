namespace Mmx.Api.Catalogue;

/// <summary>Cities, categories and app versions: /user/city, /user/category, /user/version.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user").WithTags("Catalogue");
        user.MapGet("/city", Cities).WithSummary("The cities the platform serves");
        user.MapGet("/category", Categories).WithSummary("Top-level categories with their children");
        user.MapGet("/version", Version).WithSummary("The newest app version for a system (?sys=1)")
            .WithQuery(QueryDocs.Int("sys", "the system: 1 iOS, 2 Android, ...", 1, 99));
        return app;
    }

    private static ICatalogueGrain Catalogue(IGrainFactory grains) => grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key);

    private static async Task<CityListReply> Cities(IGrainFactory grains)
    {
        var cities = await Catalogue(grains).GetCities();
        return new(Err.Ok, [.. cities.Select(c => new CityWire(c.Id, c.Name))]);
    }

    private static async Task<CategoryListReply> Categories(IGrainFactory grains) =>
        new(Err.Ok, [.. (await Catalogue(grains).GetCategoryTree()).Select(CategoryWire.Of)]);

    private static async Task<VersionReply> Version(HttpRequest request, IGrainFactory grains)
    {
        var sys = request.Query.RequiredInt("sys", 1, 99);
        var version = await Catalogue(grains).GetVersion(sys).OrFail("version for this sys");
        return new(Err.Ok, version.Version, version.Time, version.Remark, version.Packet);
    }
}
