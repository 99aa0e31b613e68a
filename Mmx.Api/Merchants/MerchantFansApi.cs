using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Merchants;
using Mmx.Grains.Messages;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Merchants;

/// <summary>
/// The shop's fans as its merchant sees them, and its messages to them (the portal's fans page):
/// through the same fan-out as the operators' /admin/shop/message, to the fans whose messages are
/// on, each one of the month's quota (err 6 when used up).
/// </summary>
public static class MerchantFansApi
{
    public static IEndpointRouteBuilder MapMerchantFansApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/shop/{sid:long}").WithTags("Merchants").RequireMerchant();
        own.MapGet("/fans", Fans).WithSummary("The shop's fans, newest first: since when, visits, last visit").WithQuery(QueryDocs.Paging(countKey: "limit"));
        own.MapPost("/fansmessage", Message).WithBody<FansMessageRequest>().WithSummary("Message the shop's fans (sendall) or some of them (userids); one of the month's messages");
        return app;
    }

    private static async Task<ShopFansReply> Fans(HttpContext context, HttpRequest request, long sid, IGrainFactory grains, KnownIds known)
    {
        var shopId = context.OwnShop(sid);
        var (offset, count) = request.Query.Paging(countKey: "limit");
        var page = await grains.GetGrain<IShopLifeGrain>(shopId).Fans(offset, count);
        var profiles = await UserCards.Profiles(grains, known, page.Items.Select(f => f.AccId));
        return new(Err.Ok, true, page.Total, [.. page.Items.Select((f, i) => ShopFanWire.Of(f, profiles.GetValueOrDefault(f.AccId), offset + i + 1))]);
    }

    private static async Task<FansMessageReply> Message(HttpContext context, long sid, IGrainFactory grains)
    {
        var shopId = context.OwnShop(sid);
        var body = await JsonBody.Read<FansMessageRequest>(context.Request);
        var content = Text.MultiLine(body.Message?.Trim(), "message", 1, MessageDraft.MaxContent);
        // The portal sends no title: the message's first line is one.
        var title = string.IsNullOrWhiteSpace(body.Title) ? Text.FirstLineShortened(content, MessageDraft.MaxTitle) : Text.SingleLine(body.Title.Trim(), "title", 1, MessageDraft.MaxTitle);
        ImmutableArray<long> only = body.Sendall == 1 ? [] : [.. JsonLists.Ids(body.Userids, "userids", QueryReader.MaxListLength)];
        var merchant = grains.GetGrain<IMerchantGrain>(shopId);
        var sent = await merchant.MessageFans(new MessageDraft { Kind = MessageKinds.ShopMessage, Title = title, Content = content }, only).OrFail("shop");
        var service = await merchant.GetService().OrFail("shop");
        return new(Err.Ok, true, sent.Fans, sent.MsgId, service.QuotaLeft);
    }
}
