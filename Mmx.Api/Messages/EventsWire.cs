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

    // As the JSON answers are written (Chinese as it is, not \u-escaped); still one line, since
    // JSON escapes line breaks inside strings.
    private static readonly JsonSerializerOptions DataOptions = new(WireJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Json<T>(T data) => JsonSerializer.Serialize(data, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)DataOptions.GetTypeInfo(typeof(T)));

    public static ServerEvent OfCustomers(long shopId, long count) => new(Customers, Json(new CustomersEventData(shopId, count)));

    public static ServerEvent OfMessage(InboxEntry entry) =>
        new(Message, Json(new MessageEventData(entry.Message.MsgId, entry.Message.Kind, entry.Message.ShopId, entry.Message.Title, entry.Message.Time)), entry.Seq);

    public static ServerEvent OfFriend(FriendEvent friend) => new(Friend, Json(new FriendEventData(friend.Type, friend.Uid, friend.NickName)));

    /// <summary>The event's lines: <c>id:</c> is the stream's place in the inbox (see <see cref="EventStream"/>).</summary>
    public byte[] Encode(long id) => Encoding.UTF8.GetBytes($"id: {id}\nevent: {Name}\ndata: {Data}\n\n");
}
