using Mmx.Api.Access.Operators;
using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Messages;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Messages;

/// <summary>
/// Messages from fan shops (contract, "Messages from fan shops and live events"): the operator
/// publishes, the fans whose messages are on get it in their inbox (delivered in the background,
/// see <see cref="IFanOutGrain"/>), and read it here.
/// </summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user").WithTags("Messages").RequireSession();
        user.MapGet("/message", Inbox).WithSummary("The inbox: messages from the shops you follow, newest first").WithQuery(QueryDocs.Paging());
        user.MapPost("/message/read", MarkRead).WithBody<MarkReadRequest>().WithSummary("Mark messages read (msgIDs, or all=1)");

        var catalogue = app.MapGroup("/admin").WithTags("Admin").RequireOperator(Access.Operators.OperatorRoles.Catalogue);
        catalogue.MapPost("/shop/message", Publish).WithBody<ShopMessageRequest>().WithSummary("Send a shop's message to its fans whose messages are on");
        var accounts = app.MapGroup("/admin").WithTags("Admin").RequireOperator(Access.Operators.OperatorRoles.Accounts);
        accounts.MapGet("/push", PushOutbox).WithSummary("What the push outbox (no Mmx:Push:GatewayUrl) holds for ?uid=, newest first")
            .WithQuery(QueryDocs.Id("uid", "the user", required: true));
        return app;
    }

    private static async Task<MessageListReply> Inbox(HttpContext context, IGrainFactory grains)
    {
        var (offset, count) = context.Request.Query.Paging();
        var page = await grains.Own<IInboxGrain>(context).Page(offset, count);
        return new(Err.Ok, page.Total, page.Unread, [.. page.Items.Select(MessageWire.Of)]);
    }

    private static async Task<OkReply> MarkRead(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<MarkReadRequest>(context.Request);
        var inbox = grains.Own<IInboxGrain>(context);
        if (body.All == 1)
        {
            await inbox.MarkAllRead();
            return ApiResults.Done();
        }
        var ids = LocalIds.Checked(body.MsgIDs, "msgIDs");
        await inbox.MarkRead([.. ids]);
        return ApiResults.Done();
    }

    private static async Task<PushOutboxReply> PushOutbox(HttpRequest request, IGrainFactory grains)
    {
        var uid = request.Query.RequiredId("uid");
        var notices = await grains.GetGrain<IPushOutboxGrain>(IPushOutboxGrain.Key).Recent(uid);
        return new(Err.Ok, [.. notices.Select(PushNoticeWire.Of)]);
    }

    private static async Task<PublishedReply> Publish(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var body = await JsonBody.Read<ShopMessageRequest>(context.Request);
        var sid = BodyId.Required(body.Sid, "sid");
        context.AuditSubject($"message to the fans of shop {sid}");
        var draft = new MessageDraft
        {
            Kind = MessageKinds.ShopMessage,
            Title = Text.SingleLine(body.Title?.Trim(), "title", 1, MessageDraft.MaxTitle),
            Content = Text.MultiLine(body.Content?.Trim(), "content", 1, MessageDraft.MaxContent),
            Pic = string.IsNullOrWhiteSpace(body.Pic) ? "" : Text.Url(body.Pic.Trim(), "pic"),
        };
        await known.RequireShop(sid);
        var published = await grains.GetGrain<IShopMessagesGrain>(sid).Publish(draft).OrFail("shop");
        return new(Err.Ok, published.MsgId, published.Fans);
    }
}
