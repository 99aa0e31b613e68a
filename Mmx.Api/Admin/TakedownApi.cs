using Mmx.Api.Access.Operators;
using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.TryOn;

namespace Mmx.Api.Admin;

/// <summary>
/// Takedowns (role catalogue): an activity or a goods item leaves the catalogue through the
/// import's path (every front before the answer), a customer's try-on picture leaves its goods
/// item. The audit log records who took what down (the request names it).
/// </summary>
public static class TakedownApi
{
    public static IEndpointRouteBuilder MapTakedownApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/admin").WithTags("Admin").RequireOperator(OperatorRoles.Catalogue)
            .MapPost("/takedown", TakeDown).WithBody<TakedownRequest>()
            .WithSummary("Take down an activity (kind activity), a goods item (goods) or a try-on picture (tryon: the goods and pic)");
        return app;
    }

    private static async Task<OkReply> TakeDown(HttpRequest request, IGrainFactory grains)
    {
        var body = await JsonBody.Read<TakedownRequest>(request);
        var id = BodyId.Required(body.Id, "id");
        var catalogue = grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key);
        request.HttpContext.AuditSubject($"{body.Kind?.Trim()} {id} {body.Pic?.Trim()}".TrimEnd());
        switch (body.Kind?.Trim())
        {
            case "activity":
                await catalogue.FindActivityShop(id).OrFail("activity");
                await catalogue.Import(new CatalogueImport { ActivityRemovals = [id] }).OrFail();
                break;
            case "goods":
                if (!await GoodsLookup.Exists(grains, id)) throw ApiException.NotFound("goods");
                await catalogue.Import(new CatalogueImport { GoodsRemovals = [id] }).OrFail();
                break;
            case "tryon":
                var pic = Text.Url(body.Pic?.Trim(), "pic");
                if (!await GoodsLookup.Exists(grains, id)) throw ApiException.NotFound("goods");
                (await grains.GetGrain<IGoodsFitGrain>(id).Remove(pic)).OrFail("try-on picture");
                break;
            default:
                throw ApiException.BadRequest("kind must be activity, goods or tryon");
        }
        return ApiResults.Done();
    }
}
