using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Chat;

namespace Mmx.Api.Chat;

/// <summary>
/// The client's frames (contract, "The chat socket"; the original's PROTOCOL.py): each read,
/// checked and answered on the socket. A bad field is <c>ERROR</c> err 1, a room the user is not a
/// member of err 3, a group over 100 members err 6; the socket stays open. Ids the client puts in
/// a frame (<c>user</c>, <c>master</c>, a body's <c>user</c>) are never believed: the socket's account is.
/// </summary>
public sealed class ChatCommands(ChatSession session, IGrainFactory grains, KnownIds known,
    [FromKeyedServices(Mmx.Grains.Common.MmxClock.Key)] TimeProvider time)
{
    public const int MaxText = 1000, MaxRecords = 100;

    private ChatSocket Socket => session.Socket;
    private long Me => session.AccId;

    /// <summary>One frame: parsed, dispatched, its failure answered as ERROR.</summary>
    public async Task Receive(ReadOnlyMemory<byte> frame)
    {
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(frame.Span) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request?["c"] is not JsonValue commandValue || !commandValue.TryGetValue<string>(out var command))
        {
            Socket.Send(ChatFrames.OfError(Err.BadRequest, null, "a frame is a JSON object with a command \"c\""));
            return;
        }
        try
        {
            await (command switch
            {
                ChatFrames.ShopRoomName => ShopRoomName(request),
                "ENTR_SHOP" or "ENTR_GROUP" => Enter(request),
                "EXIT_G" => Exit(request),
                ChatFrames.ChatMessage => Say(request),
                ChatFrames.Records => Records(request),
                ChatFrames.GroupUsers => GroupUsers(request),
                ChatFrames.UserGroups => UserGroups(),
                "PULL_US" => NewGroup(request),
                "PULL_IN_G" => PullIn(request),
                "ACCEPT" => Accept(request),
                _ => throw ApiException.BadRequest("unknown command"),
            });
        }
        catch (ApiException refused)
        {
            Socket.Send(ChatFrames.OfError(refused.Err, command.Length <= 32 ? command : null, refused.Message));
        }
    }

    private Task ShopRoomName(JsonObject request)
    {
        var shopId = ChatInput.Id(request["sid"]) ?? throw ApiException.BadRequest("sid must be a shop id");
        Socket.Send(ChatFrames.OfShopRoomName(shopId));
        return Task.CompletedTask;
    }

    private async Task Enter(JsonObject request)
    {
        var room = RoomOf(request);
        (await Room(room).Enter(Me)).OrFail();
        if (room.Kind != ChatRoomKind.Shop) return;
        // A user is in one shop at a time (contract, Presence): entering one shop's room leaves the
        // other's, so a socket holds one shop room, whatever a client sends.
        foreach (var other in session.ShopRooms.Where(r => r != room.Value))
        {
            await grains.GetGrain<IChatRoomGrain>(other).Leave(Me);
            session.LeftShopRoom(other);
        }
        session.EnteredShopRoom(room.Value);
    }

    private async Task Exit(JsonObject request)
    {
        var room = RoomOf(request);
        await Room(room).Leave(Me);
        session.LeftShopRoom(room.Value);
        // The original echoes the leave to the one who left.
        Socket.Send(ChatFrames.OfExit(Me, room.Value));
    }

    private async Task Say(JsonObject request)
    {
        var room = RoomOf(request);
        var draft = await Draft(request["body"] as JsonObject ?? throw ApiException.BadRequest("body must be an object with mtype and m"));
        var sent = (await Room(room).Send(Me, draft)).OrFail();
        // Stored: the sender sees it come back, as the apps expect.
        Socket.Send(ChatFrames.OfChat(room.Value, sent));
    }

    private async Task Records(JsonObject request)
    {
        var room = RoomOf(request);
        var limit = ChatInput.Id(request["limit"]) is { } l and <= MaxRecords ? (int)l : throw ApiException.BadRequest($"limit must be 1 to {MaxRecords}");
        var before = StartTime(request["stime"]);
        var messages = (await Room(room).History(Me, before, limit)).OrFail();
        Socket.Send(ChatFrames.OfRecords(room.Value, messages));
    }

    private async Task GroupUsers(JsonObject request)
    {
        var room = RoomOf(request);
        var info = (await Room(room).Info(Me)).OrFail();
        Socket.Send(ChatFrames.OfGroupUsers(room.Value, info.Members));
    }

    private async Task UserGroups()
    {
        var conversations = await grains.GetGrain<IUserChatsGrain>(Me).Conversations();
        Socket.Send(ChatFrames.OfUserGroups(Me, [.. session.ShopRooms, .. conversations.Keys.Order(StringComparer.Ordinal)]));
    }

    private async Task NewGroup(JsonObject request)
    {
        var clients = Users(request["clients"]);
        var name = ChatRoomName.OfGroup(Me, time.GetUtcNow().ToUnixTimeSeconds());
        (await grains.GetGrain<IChatRoomGrain>(name).Invite(Me, clients)).OrFail();
    }

    private async Task PullIn(JsonObject request)
    {
        var room = RoomOf(request);
        if (room.Kind != ChatRoomKind.Group) throw ApiException.BadRequest("gname must be a group (users_...)");
        (await Room(room).Invite(Me, Users(request["clients"]))).OrFail();
    }

    private async Task Accept(JsonObject request) => (await Room(RoomOf(request)).Accept(Me)).OrFail();

    private IChatRoomGrain Room(ChatRoomName room) => grains.GetGrain<IChatRoomGrain>(room.Value);

    private static ChatRoomName RoomOf(JsonObject request) =>
        ChatRoomName.Parse(request["gname"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null)
        ?? throw ApiException.BadRequest("gname must be shop_{sid}, e2e_{a}_{b} (larger id first) or users_...");

    /// <summary>The users of PULL_US / PULL_IN_G: ids (strings or numbers, a leading m dropped), 1 to 100 of them.</summary>
    private static ImmutableArray<long> Users(JsonNode? node)
    {
        if (node is not JsonArray { Count: > 0 and <= IChatRoomGrain.MaxMembers } list) throw ApiException.BadRequest($"clients must list 1 to {IChatRoomGrain.MaxMembers} users");
        return [.. list.Select(u => ChatInput.Id(u is JsonValue v && v.TryGetValue<string>(out var s) && AccountNumber.Digits(s) is { } d ? JsonValue.Create(d) : u)
            ?? throw ApiException.BadRequest("clients must be user ids")).Distinct()];
    }

    /// <summary>GET_RECORD's <c>stime</c>: unix seconds (a fraction allowed, as a number or text); 0 or absent: now.</summary>
    private static long StartTime(JsonNode? node)
    {
        if (node is null) return 0;
        double seconds;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number) seconds = v.GetValue<double>();
        else if (node is JsonValue t && t.TryGetValue<string>(out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) seconds = parsed;
        else throw ApiException.BadRequest("stime must be unix seconds, or 0 for the newest");
        if (!double.IsFinite(seconds) || seconds < 0 || seconds > 1e11) throw ApiException.BadRequest("stime must be unix seconds, or 0 for the newest");
        return (long)(seconds * 1000);
    }

    /// <summary>A CHAT_M body: its <c>mtype</c> and <c>m</c> checked (a text of 1-1,000 characters, a URL, or a card whose id exists).</summary>
    private async Task<ChatDraft> Draft(JsonObject body)
    {
        var kind = body["mtype"] is JsonValue k && k.TryGetValue<string>(out var mtype) ? mtype : throw ApiException.BadRequest("body.mtype is required");
        var m = body["m"];
        switch (kind)
        {
            case "text":
                return new ChatDraft { Kind = kind, Text = Text.MultiLine(m is JsonValue tv && tv.TryGetValue<string>(out var text) ? text : null, "body.m", 1, MaxText) };
            case "img" or "voice" or "audio/mp3" or "audio/amr" or "audio/aac" or "audio/mp4" or "image/png" or "image/jpeg" or "image/gif" or "image/webp":
                return new ChatDraft { Kind = kind, Text = Text.Url(m is JsonValue uv && uv.TryGetValue<string>(out var url) ? url : null, "body.m") };
            case "mmx/goods" or "mmx/shop" or "mmx/act":
                var card = m as JsonObject ?? throw ApiException.BadRequest("body.m must be {id, name, img} for a card");
                var id = ChatInput.Id(card["id"]) ?? throw ApiException.BadRequest("body.m.id must be an id");
                if (!await CardExists(kind, id)) throw ApiException.NotFound(kind[4..]);
                var name = card["name"] is JsonValue nv && nv.TryGetValue<string>(out var n) ? Text.SingleLine(n, "body.m.name", 0, 64) : "";
                var img = card["img"] is JsonValue iv && iv.TryGetValue<string>(out var i) && i.Length > 0 ? Text.Url(i, "body.m.img") : "";
                return new ChatDraft { Kind = kind, Card = new ChatCard { Id = id, Name = name, Img = img } };
            default:
                throw ApiException.BadRequest("body.mtype must be text, img, voice, mmx/goods, mmx/shop or mmx/act");
        }
    }

    private async Task<bool> CardExists(string kind, long id) => kind switch
    {
        "mmx/goods" => await GoodsLookup.Exists(grains, id),
        "mmx/shop" => await known.IsShop(id),
        _ => (await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).FindActivityShop(id)).IsOk,
    };
}
