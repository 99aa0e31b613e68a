namespace Mmx.Api.Images;

/// <summary><c>GET /demo/img/{kind}/{name}</c>: a picture of the demo catalogue (<see cref="DemoPictures"/>).</summary>
public static class DemoPictureApi
{
    public static IEndpointRouteBuilder MapDemoPictureApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(DemoPictures.Path + "/{kind}/{name}", Serve).WithTags("Images").WithSummary("A picture of the embedded default's demo catalogue")
            .Produces<Stream>(StatusCodes.Status200OK, contentType: "image/png")
            .Produces<ErrorReply>(StatusCodes.Status404NotFound);
        return app;
    }

    private static IResult Serve(string kind, string name, DemoPictures pictures, HttpResponse response)
    {
        if (pictures.Png($"{kind}/{name}") is not { } png) return Results.NotFound();
        // The same name always draws the same tile.
        response.Headers.CacheControl = "public, max-age=86400";
        return Results.Bytes(png, "image/png");
    }
}
