using System.Security.Cryptography;
using System.Text;
using Mmx.Api.Hosting;

namespace Mmx.Api.Admin;

/// <summary>Operator routes under /admin: every one needs the X-Admin-Key header (err 3 without).</summary>
public static class AdminApi
{
    /// <summary>An import document may be far larger than a user request: 64 MB.</summary>
    public const int MaxImportBytes = 64 * 1024 * 1024;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin").AddEndpointFilter(RequireAdminKey);
        admin.MapPost("/import", Import).WithSummary("Upsert cities, categories, shops, goods, activities and versions");
        return app;
    }

    private static async Task<IResult> Import(HttpRequest request, CatalogueImporter importer)
    {
        var json = await JsonBody.ReadBytes(request, MaxImportBytes);
        var imported = await importer.Import(json);
        return Results.Json(new { err = Err.Ok, imported });
    }

    private static ValueTask<object?> RequireAdminKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = context.HttpContext.RequestServices.GetRequiredService<AdminKey>().Value;
        var given = context.HttpContext.Request.Headers["X-Admin-Key"].ToString();
        var match = CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
        return match ? next(context) : throw ApiException.Forbidden("a valid X-Admin-Key header is required");
    }
}
