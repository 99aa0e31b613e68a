using Mmx.Api.Validation;
using Mmx.Api.Wire;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Accounts;

/// <summary>/user/feedback: the user's messages to the operators and their replies.</summary>
public static class FeedbackApi
{
    public const int MaxLength = 1000;

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user/feedback").WithTags("Feedback").RequireSession();
        user.MapGet("", List).WithSummary("Feedback and replies, newest first");
        user.MapPost("", Send).WithSummary("Send feedback");
        return app;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var (offset, count) = context.Request.Query.Paging();
        var entries = await grains.Own<IUserGrain>(context).ListFeedback(offset, count);
        var legacy = context.LegacyWire();
        return Results.Json(new
        {
            err = Err.Ok,
            feedList = entries.Select(e => new
            {
                e.Content,
                time = legacy ? LegacyTypes.Time(e.Time) : (object)e.Time,
                e.Direction,
            }),
        });
    }

    private static async Task<IResult> Send(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<FeedbackRequest>(context.Request);
        var content = Text.MultiLine(body.Feedback?.Trim(), "feedback", 1, MaxLength);
        return ApiResults.Err(await grains.Own<IUserGrain>(context).AddFeedback(content, FeedbackEntry.FromUser));
    }
}
