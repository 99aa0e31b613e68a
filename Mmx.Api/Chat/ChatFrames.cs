using System.Text.Json;
using System.Text.Json.Nodes;
using Mmx.Grains.Messages;

namespace Mmx.Api.Chat;

/// <summary>
/// The frames the server sends on the chat socket, spelled as the original's PROTOCOL.py and read
/// as the shipped iOS app reads them (YBWebSocketManager): user ids as strings in
/// <c>invitor</c>/<c>receiver</c>, numbers in <c>arguments</c>. Each is one UTF-8 JSON text frame.
/// </summary>
public static class ChatFrames
{
    public const string AddFriend = "ADD_FRIEND", ConfirmFriend = "CON_FRIEND", FansMessage = "SEND_FANS_M",
        ChangeDevice = "CHANGE_DEVICE", Error = "ERROR", ShopRoomName = "SHOP_GNAME";

    // Chinese as it is, as the JSON answers are written.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Encode(JsonObject frame) => JsonSerializer.SerializeToUtf8Bytes(frame, Options);

    /// <summary>An invitation this user received from <c>invite.Uid</c>.</summary>
    public static byte[] OfInvitation(long receiver, FriendEvent invite) => Encode(new JsonObject
    {
        ["c"] = AddFriend,
        ["invitor"] = invite.Uid.ToString(),
        ["time"] = invite.Time,
        ["receiver"] = receiver.ToString(),
        ["remark"] = invite.Remark,
        ["arguments"] = new JsonObject
        {
            ["invitor_id"] = invite.Uid,
            ["invitor_name"] = invite.NickName,
            ["invitor_portrait"] = invite.Portrait,
            ["remark"] = invite.Remark,
            ["receivor_id"] = receiver,
        },
    });

    /// <summary><c>answer.Uid</c> accepted (1) or declined (0) an invitation of this user's.</summary>
    public static byte[] OfAnswer(long inviter, FriendEvent answer) => Encode(new JsonObject
    {
        ["c"] = ConfirmFriend,
        ["invitor"] = inviter.ToString(),
        ["time"] = answer.Time,
        ["receiver"] = answer.Uid.ToString(),
        ["accept"] = answer.Type == FriendEventTypes.Accept ? 1 : 0,
        ["arguments"] = new JsonObject
        {
            ["invitor_id"] = inviter,
            ["receivor_id"] = answer.Uid,
            ["receivor_name"] = answer.NickName,
            ["receivor_portrait"] = answer.Portrait,
        },
    });

    /// <summary>A fan-shop message (<c>body</c> is its text; MMX adds its id, kind and title, which the apps ignore).</summary>
    public static byte[] OfMessage(InboxEntry entry) => Encode(new JsonObject
    {
        ["c"] = FansMessage,
        ["time"] = entry.Message.Time,
        ["shop"] = entry.Message.ShopId,
        ["body"] = entry.Message.Content.Length > 0 ? entry.Message.Content : entry.Message.Title,
        ["title"] = entry.Message.Title,
        ["msgID"] = entry.Message.MsgId,
        ["kind"] = entry.Message.Kind,
    });

    public static byte[] OfChangeDevice(long time) => Encode(new JsonObject { ["c"] = ChangeDevice, ["time"] = time, ["msg"] = "" });

    /// <summary>A frame the server could not act on: <c>for</c> names its command when it had one.</summary>
    public static byte[] OfError(Err err, string? command, string message)
    {
        var frame = new JsonObject { ["c"] = Error, ["err"] = (int)err, ["msg"] = message };
        if (command is not null) frame["for"] = command;
        return Encode(frame);
    }

    /// <summary>The name of a shop's room (<c>shop_{sid}</c>).</summary>
    public static byte[] OfShopRoomName(long shopId) => Encode(new JsonObject { ["c"] = ShopRoomName, ["sid"] = shopId, ["gname"] = $"shop_{shopId}" });
}
