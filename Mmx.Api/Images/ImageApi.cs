using Mmx.Api.Lookups;
using Microsoft.Net.Http.Headers;
using Mmx.Api.Operations;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Images;

/// <summary>
/// /userweb/imgupload (fetch an image by URL into the image store), /userweb/quickmodifyimg (set
/// one's own portrait to a URL) and /img/{name} (the stored images, public like any picture URL).
/// </summary>
public static class ImageApi
{
    public const string ServePath = StoredImages.ServePath;

    public static IEndpointRouteBuilder MapImageApi(this IEndpointRouteBuilder app)
    {
        var web = app.MapGroup("/userweb").WithTags("Images").RequireSession();
        web.MapGet("/imgupload", Upload).WithSummary("Fetch the image at ?url= into the image store; answers its URL here")
            .WithQuery(QueryDocs.Text("url", "the image's http(s) URL", 512, required: true))
            .RequireRateLimiting(RateLimits.Bulk);
        web.MapGet("/quickmodifyimg", QuickModify).WithSummary("Set the caller's portrait (?user_id= must be the caller) to ?url=")
            .WithQuery(QueryDocs.Id("user_id", "the caller"), QueryDocs.Text("url", "the portrait's http(s) URL", 512, required: true));
        web.MapPut("/quickmodifyimg", QuickModify).WithSummary("Set the caller's portrait: {user_id, url} as JSON (the web client's form)")
            .WithBody<QuickModifyRequest>();
        app.MapGet(ServePath + "/{name}", Serve).WithTags("Images").WithSummary("A stored image")
            .Produces<Stream>(StatusCodes.Status200OK, contentType: "image/jpeg",
                additionalContentTypes: ["image/png", "image/gif", "image/webp", "audio/mp3", "audio/amr", "audio/aac", "audio/mp4"])
            .Produces<ErrorReply>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<ImageUrlReply> Upload(HttpContext context, ImageFetcher fetcher, IImageStore store, ImageSettings settings,
        IGrainFactory grains)
    {
        Sessions.RequireHeaderForChangingGet(context.Request);
        var url = new Uri(Text.Url(context.Request.Query.RequiredText("url", 512), "url"));
        var (bytes, kind) = await fetcher.Fetch(url, context.RequestAborted);
        if (await grains.Own<Mmx.Grains.Images.IImageQuotaGrain>(context).TryUse(bytes.Length, settings.UserBytesPerDay) is not Err.Ok and var refused)
            throw new ApiException(refused, "your image allowance for today is used up");
        var name = await store.Save(bytes, kind, context.RequestAborted);
        return new(Err.Ok, true, StoredImages.UrlOf(context.Request, name));
    }

    /// <summary>GET with ?user_id=&amp;url= (the spec), or PUT with the same fields as JSON (the web client).</summary>
    private static async Task<ImageUrlReply> QuickModify(HttpContext context, IGrainFactory grains)
    {
        long userId;
        string? text;
        if (HttpMethods.IsPut(context.Request.Method))
        {
            var body = await JsonBody.Read<QuickModifyRequest>(context.Request);
            userId = BodyId.Required(body.UserId, "user_id");
            text = body.Url;
        }
        else
        {
            Sessions.RequireHeaderForChangingGet(context.Request);
            userId = context.Request.Query.RequiredId("user_id");
            text = context.Request.Query.RequiredText("url", 512);
        }
        if (userId != context.AccId()) throw ApiException.Forbidden("only your own portrait can be changed");
        var url = Text.Url(text?.Trim(), "url");
        ApiResults.Done(await grains.Own<IUserGrain>(context).ChangeProfile(new ProfileChange { Portrait = url }));
        return new(Err.Ok, true, url);
    }

    private static async Task<IResult> Serve(string name, HttpContext context, IImageStore store)
    {
        var stream = IImageStore.IsValidName(name) ? await store.Open(name, context.RequestAborted) : null;
        // An image URL is fetched by image loaders and caches: a real 404 serves them better than 200 with err.
        if (stream is null) throw ApiException.ResourceNotFound("image");
        var kind = ImageKind.OfExtension(name[65..])!;
        // Names are content hashes: the bytes behind one never change.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(stream, kind.ContentType, entityTag: new EntityTagHeaderValue($"\"{name[..64]}\""));
    }
}
