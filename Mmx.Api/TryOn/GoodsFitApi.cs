using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.TryOn;

namespace Mmx.Api.TryOn;

/// <summary>/user/goods/fit: customers' try-on pictures of a goods item (GET public, PUT with a session).</summary>
public static class GoodsFitApi
{
    public const int MaxDescriptionLength = 200;

    public static IEndpointRouteBuilder MapGoodsFitApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/user/goods/fit", List).WithTags("Goods").WithSummary("Customers' try-on pictures of ?gid=, newest first")
            .WithQuery([QueryDocs.Id("gid", "the goods item"), .. QueryDocs.Paging()]);
        app.MapGroup("/user/goods").WithTags("Goods").RequireSession()
            .MapPut("/fit", Add).WithSummary("Add a try-on picture (goodsID, picURL, description)").WithBody<FitRequest>();
        return app;
    }

    private static async Task<FitPicturesReply> List(HttpRequest request, IGrainFactory grains)
    {
        var gid = request.Query.RequiredId("gid");
        var (offset, count) = request.Query.Paging();
        if (!await GoodsLookup.Exists(grains, gid)) throw ApiException.NotFound("goods");
        var page = await grains.GetGrain<IGoodsFitGrain>(gid).List(offset, count);
        return new(Err.Ok, [.. page.Items.Select(p => p.PicUrl)],
            [.. page.Items.Select(p => new FitPictureWire(p.PicUrl, p.Description, p.Time))], page.Total);
    }

    private static async Task<OkReply> Add(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<FitRequest>(context.Request);
        var gid = BodyId.Required(body.GoodsID, "goodsID");
        var url = Text.Url(body.PicURL, "picURL");
        var description = Text.MultiLine(body.Description ?? "", "description", 0, MaxDescriptionLength);
        if (!await GoodsLookup.Exists(grains, gid)) throw ApiException.NotFound("goods");
        return ApiResults.Done(await grains.GetGrain<IGoodsFitGrain>(gid).Add(context.AccId(), url, description));
    }
}

public sealed record FitRequest(long? GoodsID, string? PicURL, string? Description);
