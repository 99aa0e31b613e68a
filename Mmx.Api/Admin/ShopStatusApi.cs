using Mmx.Api.Access.Operators;
using Mmx.Grains.Merchants;

namespace Mmx.Api.Admin;

/// <summary>
/// An operator's shop status change (role catalogue): <c>suspended</c> or <c>closed</c> withdraw a
/// shop from users everywhere (listings, search, info, goods, activities) on every front before the
/// answer; <c>live</c> shows it again. A merchant's shop keeps its status in its merchant account
/// (a live status needs a service period left); an imported shop without one is shown or withdrawn as it is.
/// </summary>
public static class ShopStatusApi
{
    public static IEndpointRouteBuilder MapShopStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/admin").WithTags("Admin").RequireOperator(OperatorRoles.Catalogue)
            .MapPost("/shop/{sid:long}/status", SetStatus).WithBody<ShopStatusRequest>()
            .WithSummary("Set a shop's status: \"suspended\" or \"closed\" withdraw it from users, \"live\" shows it again");
        return app;
    }

    private static async Task<OkReply> SetStatus(HttpRequest request, long sid, IGrainFactory grains)
    {
        var body = await JsonBody.Read<ShopStatusRequest>(request);
        var status = body.Status?.Trim().ToLowerInvariant() switch
        {
            "live" => MerchantStatus.Live,
            "suspended" => MerchantStatus.Suspended,
            "closed" => MerchantStatus.Closed,
            _ => throw ApiException.BadRequest("status must be live, suspended or closed"),
        };
        var merchant = grains.GetGrain<IMerchantGrain>(sid);
        var err = (await merchant.GetService()).IsOk
            ? await merchant.SetStatus(status)
            : await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).SetShown(sid, status == MerchantStatus.Live);
        return ApiResults.Done(err, "shop");
    }
}

/// <summary>POST /admin/shop/{sid}/status.</summary>
public sealed record ShopStatusRequest(string? Status);
