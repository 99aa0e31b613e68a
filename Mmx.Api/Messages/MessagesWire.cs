using System.Text.Json.Serialization;
using Mmx.Grains.Messages;

namespace Mmx.Api.Messages;

public sealed record MessageWire(long MsgID, int Kind, long Sid, string ShopName, string ShopPic, string Title, string Content, string Pic, long Time, int Read)
{
    public static MessageWire Of(InboxEntry e) => new(e.Message.MsgId, e.Message.Kind, e.Message.ShopId, e.Message.ShopName,
        e.Message.ShopPic, e.Message.Title, e.Message.Content, e.Message.Pic, e.Message.Time, e.Read ? 1 : 0);
}
public sealed record MessageListReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum, int Unread, ImmutableArray<MessageWire> MsgList);
public sealed record PublishedReply(Err Err, long MsgID, int Fans);

/// <summary>A push notice as the gateway would get it (<c>data</c> flattened), with when it was made.</summary>
public sealed record PushNoticeWire(long Uid, string Title, string Body, long MsgID, int Kind, long Sid, long Time)
{
    public static PushNoticeWire Of(PushNotice n) => new(n.Uid, n.Title, n.Body, n.MsgId, n.Kind, n.ShopId, n.Time);
}
public sealed record PushOutboxReply(Err Err, ImmutableArray<PushNoticeWire> PushList);
