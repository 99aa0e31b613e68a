using Mmx.Api.Accounts;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.ShopLife;

/// <summary>/user/ffv/count: how many shops a user follows, goods they saved and shops they visited.</summary>
public static class FfvApi
{
    public static IEndpointRouteBuilder MapFfvApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/user/ffv").WithTags("Fans").RequireSession()
            .MapGet("/count", Count).WithSummary("Counts of followed shops, saved goods and visited shops (yours; ?uid= a friend's)");
        return app;
    }

    private static async Task<IResult> Count(HttpContext context, IGrainFactory grains)
    {
        var me = context.AccId();
        var uid = context.Request.Query.OptionalId("uid") ?? me;
        await Social.FriendAccess.RequireFriend(grains, me, uid);
        return Results.Json(new { err = Err.Ok, ffvCount = await grains.GetGrain<IUserShopsGrain>(uid).Count() });
    }
}
