namespace Mmx.Api.Catalogue;

/// <summary>Cities, categories and app versions: /user/city, /user/category, /user/version.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user").WithTags("Catalogue");
        user.MapGet("/city", Cities).WithSummary("The cities the platform serves");
        user.MapGet("/category", Categories).WithSummary("Top-level categories with their children");
        user.MapGet("/version", Version).WithSummary("The newest app version for a system (?sys=1)");
        return app;
    }

    private static ICatalogueGrain Catalogue(IGrainFactory grains) => grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key);

    private static async Task<IResult> Cities(IGrainFactory grains)
    {
        var cities = await Catalogue(grains).GetCities();
        return Results.Json(new { err = Err.Ok, cityList = cities.Select(c => new { c.Id, c.Name }) });
    }

    private static async Task<IResult> Categories(IGrainFactory grains) =>
        Results.Json(new { err = Err.Ok, categoryList = await Catalogue(grains).GetCategoryTree() });

    private static async Task<IResult> Version(HttpRequest request, IGrainFactory grains)
    {
        var sys = request.Query.RequiredInt("sys", 1, 99);
        var version = await Catalogue(grains).GetVersion(sys) ?? throw ApiException.NotFound("version for this sys");
        return Results.Json(new { err = Err.Ok, version.Version, version.Time, version.Remark, version.Packet });
    }
}
