using System.Text;
using System.Text.Json;
using Mmx.Grains.Messages;

namespace Mmx.Api.Messages;

/// <summary>The <c>data:</c> of a <c>customers</c> event.</summary>
public sealed record CustomersEventData(long Sid, long Count);

/// <summary>The <c>data:</c> of a <c>message</c> event.</summary>
public sealed record MessageEventData(long MsgID, int Kind, long Sid, string Title, long Time);

/// <summary>The <c>data:</c> of a <c>friend</c> event.</summary>
public sealed record FriendEventData(string Type, long Uid, string NickName);

/// <summary>
/// One event as a stream writes it: its name, its one line of JSON, and for a message its inbox
/// sequence number (what <c>id:</c> carries, see <see cref="EventStream"/>). Built once and shared
/// by every stream it goes to.
/// </summary>
public sealed record ServerEvent(string Name, string Data, long Seq = 0)
{
    public const string Customers = "customers";
    public const string Message = "message";
    public const string Friend = "friend";

    public static ServerEvent OfCustomers(long shopId, long count) =>
        new(Customers, JsonSerializer.Serialize(new CustomersEventData(shopId, count), WireJsonContext.Default.CustomersEventData));

    public static ServerEvent OfMessage(InboxEntry entry) =>
        new(Message, JsonSerializer.Serialize(new MessageEventData(entry.Message.MsgId, entry.Message.Kind, entry.Message.ShopId,
            entry.Message.Title, entry.Message.Time), WireJsonContext.Default.MessageEventData), entry.Seq);

    public static ServerEvent OfFriend(FriendEvent friend) =>
        new(Friend, JsonSerializer.Serialize(new FriendEventData(friend.Type, friend.Uid, friend.NickName), WireJsonContext.Default.FriendEventData));

    /// <summary>The event's lines: <c>id:</c> is the stream's place in the inbox (see <see cref="EventStream"/>).</summary>
    public byte[] Encode(long id) => Encoding.UTF8.GetBytes($"id: {id}\nevent: {Name}\ndata: {Data}\n\n");
}
