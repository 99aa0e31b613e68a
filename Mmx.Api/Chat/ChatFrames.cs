using System.Text.Json;
using System.Text.Json.Nodes;
using Mmx.Grains.Chat;
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
        ChangeDevice = "CHANGE_DEVICE", Error = "ERROR", ShopRoomName = "SHOP_GNAME", ChatMessage = "CHAT_M",
        Records = "GET_RECORD", GroupUsers = "GROUP_USERS", UserGroups = "USER_GROUPS", Invite = "INVITE", ExitRoom = "EXIT_G";

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

    /// <summary>
    /// A message's body as the apps read it: <c>user</c> the sender's id as a string (the iOS app
    /// compares it with its own as text), <c>time</c> unix seconds with milliseconds (as the original's
    /// time.time()), <c>mtype</c>, and <c>m</c>: the text or URL, or the card object.
    /// </summary>
    public static JsonObject Body(Grains.Chat.ChatMessage message) => new()
    {
        ["user"] = message.Sender.ToString(),
        ["time"] = message.TimeMs / 1000.0,
        ["mtype"] = message.Draft.Kind,
        ["m"] = message.Draft.Card is { } card
            ? new JsonObject { ["id"] = card.Id, ["name"] = card.Name, ["img"] = card.Img }
            : JsonValue.Create(message.Draft.Text),
        ["seq"] = message.Seq,
    };

    public static byte[] OfChat(string room, Grains.Chat.ChatMessage message) =>
        Encode(new JsonObject { ["c"] = ChatMessage, ["gname"] = room, ["body"] = Body(message) });

    /// <summary>GET_RECORD's answer: the bodies, newest last.</summary>
    public static byte[] OfRecords(string room, ImmutableArray<Grains.Chat.ChatMessage> messages) =>
        Encode(new JsonObject { ["c"] = Records, ["gname"] = room, ["ms"] = new JsonArray([.. messages.Select(m => (JsonNode)Body(m))]) });

    /// <summary>Member ids as strings, as the original stored them.</summary>
    public static byte[] OfGroupUsers(string room, ImmutableArray<long> members) =>
        Encode(new JsonObject { ["c"] = GroupUsers, ["gname"] = room, ["users"] = Ids(members) });

    public static byte[] OfUserGroups(long user, IEnumerable<string> rooms) =>
        Encode(new JsonObject { ["c"] = UserGroups, ["user"] = user.ToString(), ["groups"] = new JsonArray([.. rooms.Select(r => (JsonNode)JsonValue.Create(r))]) });

    /// <summary>An invitation into a group: <c>users[0]</c> is its creator.</summary>
    public static byte[] OfInvitation(ChatInvitation invitation) =>
        Encode(new JsonObject { ["c"] = Invite, ["gname"] = invitation.Room, ["users"] = Ids(invitation.Users) });

    public static byte[] OfExit(long user, string room) => Encode(new JsonObject { ["c"] = ExitRoom, ["user"] = user.ToString(), ["gname"] = room });

    private static JsonArray Ids(IEnumerable<long> ids) => new([.. ids.Select(id => (JsonNode)JsonValue.Create(id.ToString()))]);

    /// <summary>The name of a shop's room (<c>shop_{sid}</c>).</summary>
    public static byte[] OfShopRoomName(long shopId) => Encode(new JsonObject { ["c"] = ShopRoomName, ["sid"] = shopId, ["gname"] = ChatRoomName.OfShop(shopId) });
}
