using Mmx.Api.Lookups;
using Mmx.Grains.ShopLife;
using Mmx.Grains.Social;

namespace Mmx.Api.ShopLife;

/// <summary>/user/ffv/count: how many shops a user follows, goods they saved and shops they visited.</summary>
public static class FfvApi
{
    public static IEndpointRouteBuilder MapFfvApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/user/ffv").WithTags("Fans").RequireSession()
            .MapGet("/count", Count).WithSummary("Counts of followed shops, saved goods and visited shops (yours; ?uid= a friend's)")
            .WithQuery(QueryDocs.Id("uid", "a friend (absent: you)", required: false));
        return app;
    }

    private static async Task<FfvCountReply> Count(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var me = context.AccId();
        var uid = context.Request.Query.OptionalId("uid") ?? me;
        await FriendAccess.RequireFriend(grains, known, me, uid);
        var counts = await grains.GetGrain<IUserShopsGrain>(uid).Count();
        if (uid != me)
        {
            // A friend's list they keep to themselves counts as empty: its size is theirs too.
            var shared = await grains.GetGrain<IUserSocialGrain>(uid).GetPrivacy();
            counts = new FfvCount
            {
                Fans = shared.FansEnable ? counts.Fans : 0,
                Favorite = shared.FavoriteEnable ? counts.Favorite : 0,
                Visited = shared.VisitEnable ? counts.Visited : 0,
            };
        }
        return new(Err.Ok, new FfvCountWire(counts.Fans, counts.Favorite, counts.Visited));
    }
}
