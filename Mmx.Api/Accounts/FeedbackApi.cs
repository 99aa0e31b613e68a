using Mmx.Api.Validation;
using Mmx.Api.Wire;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Accounts;

/// <summary>/user/feedback: the user's messages to the operators and their replies.</summary>
public static class FeedbackApi
{

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user/feedback").WithTags("Feedback").RequireSession();
        user.MapGet("", List).WithQuery(QueryDocs.Paging()).WithSummary("Feedback and replies, newest first");
        user.MapPost("", Send).WithBody<FeedbackRequest>().WithSummary("Send feedback");
        return app;
    }

    private static async Task<FeedbackListReply> List(HttpContext context, IGrainFactory grains)
    {
        var (offset, count) = context.Request.Query.Paging();
        var entries = await grains.Own<IUserGrain>(context).ListFeedback(offset, count);
        var legacy = context.LegacyWire();
        return new(Err.Ok, [.. entries.Select(e => new FeedbackWire(e.Content, legacy ? LegacyTypes.Time(e.Time) : e.Time, e.Direction))]);
    }

    private static async Task<OkReply> Send(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<FeedbackRequest>(context.Request);
        var content = Text.MultiLine(body.Feedback?.Trim(), "feedback", 1, FeedbackEntry.MaxContentLength);
        return ApiResults.Done(await grains.Own<IUserGrain>(context).AddFeedback(content, FeedbackEntry.FromUser));
    }
}
