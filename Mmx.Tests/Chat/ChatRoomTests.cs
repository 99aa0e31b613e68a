using System.Text.Json.Nodes;

namespace Mmx.Tests.Chat;

/// <summary>
/// Chat rooms over real sockets, with the frames as the iOS app sends them (YBWebSocketManager:
/// strings for ids, <c>SHOP_GNAME</c> then <c>ENTR_GROUP</c>, <c>GET_RECORD</c> with a string limit,
/// <c>GROUP_USERS</c>, <c>CHAT_M</c> with a body whose time is empty).
/// </summary>
public sealed class ChatRoomTests(ChatRoomTests.Api api) : IClassFixture<ChatRoomTests.Api>
{
    public sealed class Api : ApiFactory
    {
        public Api() => ListenOnLoopback();
    }

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private sealed record User(ApiClient Http, long Id, string Password);

    private async Task<User> SignedUp()
    {
        var client = api.NewClient();
        var password = ShippedClients.ShippedClientRequests.Md5Upper(Guid.NewGuid().ToString());
        return new User(client, await client.SignUp(AccountTestKit.NewPhone(), password), password);
    }

    private Task<ChatClient> Socket(User user) => ChatClient.Connect(api.WebSocketUri($"/chat/?u={user.Id}&p={user.Password}"));

    private async Task MakeFriends(User a, User b)
    {
        Assert.Equal(0, Err(await a.Http.Post("/user/friend/invite", new { mode = 3, userID = b.Id, remark = "" })));
        Assert.Equal(0, Err(await b.Http.Post($"/user/friend/accept?uid={a.Id}")));
    }

    /// <summary>The app's CHAT_M: its own id as user, an empty time the server fills in.</summary>
    private static string Say(string room, User from, string text) =>
        new JsonObject { ["c"] = "CHAT_M", ["gname"] = room, ["body"] = new JsonObject { ["user"] = from.Id.ToString(), ["time"] = "", ["mtype"] = "text", ["m"] = text } }.ToJsonString();

    [Fact]
    public async Task Two_users_in_a_shop_chat_see_each_other_and_read_the_last_30_as_the_app_does()
    {
        var a = await SignedUp();
        var b = await SignedUp();
        await using var aSocket = await Socket(a);
        await using var bSocket = await Socket(b);
        foreach (var (user, socket) in new[] { (a, aSocket), (b, bSocket) })
        {
            await socket.Send("""{"c":"SHOP_GNAME","sid":"12"}""");
            var room = (string)(await socket.Next("SHOP_GNAME"))["gname"]!;
            Assert.Equal("shop_12", room);
            await socket.Send(new JsonObject { ["c"] = "ENTR_GROUP", ["user"] = user.Id.ToString(), ["gname"] = room }.ToJsonString());
            // The app asks who is there next; its answer also says the entry was taken.
            await socket.Send(new JsonObject { ["c"] = "GROUP_USERS", ["gname"] = room }.ToJsonString());
            await socket.Next("GROUP_USERS");
        }

        await aSocket.Send(Say("shop_12", a, "有人在吗？"));
        var echo = await aSocket.Next("CHAT_M");
        var received = await bSocket.Next("CHAT_M");
        foreach (var frame in new[] { echo, received })
        {
            Assert.Equal("shop_12", (string)frame["gname"]!);
            var body = frame["body"]!;
            Assert.Equal(a.Id.ToString(), (string)body["user"]!);
            Assert.Equal("text", (string)body["mtype"]!);
            Assert.Equal("有人在吗？", (string)body["m"]!);
            Assert.True((double)body["time"]! > 1_700_000_000);
        }
        await bSocket.Send(Say("shop_12", b, "在的"));
        await aSocket.Next("CHAT_M", f => (string)f["body"]!["m"]! == "在的");

        await aSocket.Send("""{"c":"GROUP_USERS","gname":"shop_12"}""");
        var users = (await aSocket.Next("GROUP_USERS"))["users"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Contains(a.Id.ToString(), users);
        Assert.Contains(b.Id.ToString(), users);

        await bSocket.Send("""{"c":"GET_RECORD","gname":"shop_12","stime":"0","limit":"30"}""");
        var records = (await bSocket.Next("GET_RECORD"))["ms"]!.AsArray();
        Assert.Equal(["有人在吗？", "在的"], records.TakeLast(2).Select(m => (string)m!["m"]!));

        // Being in the shop's room counts them in the shop.
        await ShopLife.ShopLifeTestKit.Eventually(async () => (long)(await a.Http.Get("/user/shop/customer?sid=12"))["count"]! >= 2, "both counted in shop 12");

        // One shop at a time: entering another shop's room leaves this one.
        await aSocket.Send("""{"c":"ENTR_GROUP","gname":"shop_16"}""");
        await aSocket.Send("""{"c":"GROUP_USERS","gname":"shop_16"}""");
        await aSocket.Next("GROUP_USERS");
        await bSocket.Send("""{"c":"GROUP_USERS","gname":"shop_12"}""");
        Assert.DoesNotContain(a.Id.ToString(), (await bSocket.Next("GROUP_USERS"))["users"]!.AsArray().Select(u => (string)u!));

        // A user who is not in the room neither reads nor sends there.
        var stranger = await SignedUp();
        await using var strangerSocket = await Socket(stranger);
        await strangerSocket.Send("""{"c":"GET_RECORD","gname":"shop_12","stime":0,"limit":30}""");
        Assert.Equal(3, (int)(await strangerSocket.Next("ERROR"))["err"]!);
        await strangerSocket.Send(Say("shop_12", stranger, "hi"));
        var refused = await strangerSocket.Next("ERROR");
        Assert.Equal(3, (int)refused["err"]!);
        Assert.Equal("CHAT_M", (string)refused["for"]!);
    }

    [Fact]
    public async Task A_pair_room_is_for_friends_only_and_a_user_offline_during_a_dm_gets_it_on_connect_once()
    {
        var a = await SignedUp();
        var b = await SignedUp();
        var room = $"e2e_{Math.Max(a.Id, b.Id)}_{Math.Min(a.Id, b.Id)}";
        await using var aSocket = await Socket(a);
        // Not friends yet: no DM.
        await aSocket.Send(Say(room, a, "你好"));
        Assert.Equal(3, (int)(await aSocket.Next("ERROR"))["err"]!);

        await MakeFriends(a, b);
        await aSocket.Send(Say(room, a, "离线时发的"));
        await aSocket.Next("CHAT_M");
        await using (var bSocket = await Socket(b))
        {
            var missed = await bSocket.Next("CHAT_M");
            Assert.Equal(room, (string)missed["gname"]!);
            Assert.Equal("离线时发的", (string)missed["body"]!["m"]!);
            // Online now: the next one arrives live.
            await aSocket.Send(Say(room, a, "在线了"));
            Assert.Equal("在线了", (string)(await bSocket.Next("CHAT_M"))["body"]!["m"]!);
        }
        await using (var again = await Socket(b))
        {
            await again.Send("""{"c":"USER_GROUPS","user":"0"}""");
            Assert.Contains(room, (await again.Next("USER_GROUPS"))["groups"]!.AsArray().Select(g => (string)g!));
            Assert.DoesNotContain(await again.Settled(), f => (string?)f["c"] == "CHAT_M");
        }

        // A third user cannot read the pair's room, even naming it.
        var stranger = await SignedUp();
        await using var strangerSocket = await Socket(stranger);
        await strangerSocket.Send(new JsonObject { ["c"] = "GET_RECORD", ["gname"] = room, ["stime"] = 0, ["limit"] = 30 }.ToJsonString());
        Assert.Equal(3, (int)(await strangerSocket.Next("ERROR"))["err"]!);
    }

    [Fact]
    public async Task A_group_made_by_pull_us_invites_accepts_and_talks_and_stays_within_100()
    {
        var owner = await SignedUp();
        var friend = await SignedUp();
        var other = await SignedUp();
        await MakeFriends(owner, friend);
        await MakeFriends(owner, other);
        await using var ownerSocket = await Socket(owner);
        await using var friendSocket = await Socket(friend);
        await using var otherSocket = await Socket(other);

        await ownerSocket.Send(new JsonObject { ["c"] = "PULL_US", ["master"] = owner.Id.ToString(), ["clients"] = new JsonArray(friend.Id.ToString(), other.Id.ToString()) }.ToJsonString());
        var invite = await friendSocket.Next("INVITE");
        var room = (string)invite["gname"]!;
        Assert.StartsWith($"users_{owner.Id}", room);
        Assert.Equal(owner.Id.ToString(), (string)invite["users"]![0]!);
        await ownerSocket.Next("INVITE");
        await otherSocket.Next("INVITE");

        // Invited but not accepted: not a member yet.
        await otherSocket.Send(new JsonObject { ["c"] = "GET_RECORD", ["gname"] = room, ["stime"] = 0, ["limit"] = 10 }.ToJsonString());
        Assert.Equal(3, (int)(await otherSocket.Next("ERROR"))["err"]!);
        await friendSocket.Send(new JsonObject { ["c"] = "ACCEPT", ["gname"] = room }.ToJsonString());
        await friendSocket.Send(new JsonObject { ["c"] = "GROUP_USERS", ["gname"] = room }.ToJsonString());
        var members = (await friendSocket.Next("GROUP_USERS"))["users"]!.AsArray().Select(u => (string)u!).ToList();
        Assert.Equal(new[] { owner.Id, friend.Id }.Order().Select(i => i.ToString()), members);

        await ownerSocket.Send(Say(room, owner, "欢迎"));
        Assert.Equal("欢迎", (string)(await friendSocket.Next("CHAT_M"))["body"]!["m"]!);
        await otherSocket.Send(new JsonObject { ["c"] = "USER_GROUPS" }.ToJsonString());
        Assert.DoesNotContain(room, (await otherSocket.Next("USER_GROUPS"))["groups"]!.AsArray().Select(g => (string)g!));

        // 100 more users would make 101 members with the owner: err 6, nobody invited.
        var hundred = new JsonArray([.. Enumerable.Range(1, 100).Select(i => (JsonNode)JsonValue.Create((9_000_000 + i).ToString()))]);
        await ownerSocket.Send(new JsonObject { ["c"] = "PULL_IN_G", ["gname"] = room, ["clients"] = hundred }.ToJsonString());
        Assert.Equal(6, (int)(await ownerSocket.Next("ERROR"))["err"]!);
        // Leaving: echoed to the one who leaves, and the group no longer reads for them.
        await friendSocket.Send(new JsonObject { ["c"] = "EXIT_G", ["user"] = friend.Id.ToString(), ["gname"] = room }.ToJsonString());
        await friendSocket.Next("EXIT_G");
        await friendSocket.Send(new JsonObject { ["c"] = "GET_RECORD", ["gname"] = room, ["stime"] = 0, ["limit"] = 10 }.ToJsonString());
        Assert.Equal(3, (int)(await friendSocket.Next("ERROR"))["err"]!);
    }

    [Fact]
    public async Task Cards_and_bad_messages_are_checked_and_the_socket_stays_open()
    {
        var a = await SignedUp();
        await using var socket = await Socket(a);
        await socket.Send("""{"c":"ENTR_GROUP","gname":"shop_13"}""");
        string Card(string kind, long id) => new JsonObject
        {
            ["c"] = "CHAT_M", ["gname"] = "shop_13",
            ["body"] = new JsonObject { ["mtype"] = kind, ["m"] = new JsonObject { ["id"] = id.ToString(), ["name"] = "连衣裙", ["img"] = "https://img.test/1.png" } },
        }.ToJsonString();

        await socket.Send(Card("mmx/shop", 13));
        var card = (await socket.Next("CHAT_M"))["body"]!;
        Assert.Equal("mmx/shop", (string)card["mtype"]!);
        Assert.Equal(13, (long)card["m"]!["id"]!);
        await socket.Send(Card("mmx/goods", 987_654_321));
        Assert.Equal(4, (int)(await socket.Next("ERROR"))["err"]!);

        await socket.Send(Say("shop_13", a, new string('长', 1001)));
        Assert.Equal(1, (int)(await socket.Next("ERROR"))["err"]!);
        await socket.Send("""{"c":"CHAT_M","gname":"shop_13","body":{"mtype":"exe","m":"x"}}""");
        Assert.Equal(1, (int)(await socket.Next("ERROR"))["err"]!);
        await socket.Send("""{"c":"CHAT_M","gname":"room_13","body":{"mtype":"text","m":"x"}}""");
        Assert.Equal(1, (int)(await socket.Next("ERROR"))["err"]!);
        await socket.Send("""{"c":"GET_RECORD","gname":"shop_13","stime":0,"limit":500}""");
        Assert.Equal(1, (int)(await socket.Next("ERROR"))["err"]!);
        await socket.Send("""{"c":"ENTR_GROUP","gname":"shop_99999999"}""");
        Assert.Equal(4, (int)(await socket.Next("ERROR"))["err"]!);
        // The image kind takes a URL, and the socket is still there.
        await socket.Send("""{"c":"CHAT_M","gname":"shop_13","body":{"mtype":"img","m":"https://img.test/p.jpg"}}""");
        Assert.Equal("https://img.test/p.jpg", (string)(await socket.Next("CHAT_M"))["body"]!["m"]!);
    }

    [Fact]
    public async Task The_http_beside_the_socket_answers_room_info_user_cards_and_live_counts()
    {
        var owner = await SignedUp();
        var friend = await SignedUp();
        var stranger = await SignedUp();
        await MakeFriends(owner, friend);
        await using var ownerSocket = await Socket(owner);
        await using var friendSocket = await Socket(friend);
        await ownerSocket.Send(new JsonObject { ["c"] = "PULL_US", ["master"] = owner.Id.ToString(), ["clients"] = new JsonArray(friend.Id) }.ToJsonString());
        var room = (string)(await friendSocket.Next("INVITE"))["gname"]!;
        await friendSocket.Send(new JsonObject { ["c"] = "ACCEPT", ["gname"] = room }.ToJsonString());
        await friendSocket.Send(new JsonObject { ["c"] = "GROUP_USERS", ["gname"] = room }.ToJsonString());
        await friendSocket.Next("GROUP_USERS");

        // The owner names the group (the iOS app's POST, JSON); members read it, by session or by u and p.
        var changed = await owner.Http.Post($"/chat/room/{room}/info", new { roomName = "周末逛街", roomImg = "https://img.test/g.png" });
        Assert.Equal(0, Err(changed));
        Assert.Equal(0, (int)changed["error"]!);
        var info = await friend.Http.Get($"/chat/room/{room}/info");
        Assert.Equal("周末逛街", (string)info["roomName"]!);
        Assert.Equal("周末逛街", (string)info["name"]!);
        Assert.Equal("https://img.test/g.png", (string)info["roomImg"]!);
        Assert.Equal(owner.Id, (long)info["owner"]!);
        var byPassword = new ApiClient(api.CreateClient());
        Assert.Equal("周末逛街", (string)(await byPassword.Get($"/chat/room/{room}/info?u={friend.Id}&p={friend.Password}"))["roomName"]!);
        Assert.Equal(8, Err(await byPassword.Get($"/chat/room/{room}/info?u={friend.Id}&p={owner.Password}")));
        Assert.Equal(2, Err(await byPassword.Get($"/chat/room/{room}/info")));
        // A member who is not the owner cannot rename it; a stranger cannot read it.
        Assert.Equal(3, Err(await friend.Http.Post($"/chat/room/{room}/info", new { roomName = "改名" })));
        Assert.Equal(3, Err(await stranger.Http.Get($"/chat/room/{room}/info")));
        Assert.Equal(1, Err(await owner.Http.Post($"/chat/room/{room}/info", new { other = 1 })));

        // Cards for the chat screen: a user's public name, a shop's name; an unknown id err 4.
        var card = await byPassword.Get($"/chat/user/{owner.Id}/info");
        Assert.Equal(owner.Id, (long)card["userId"]!);
        Assert.StartsWith("喵友", (string)card["name"]!);
        Assert.NotNull(card["img"]);
        Assert.False(string.IsNullOrEmpty((string?)(await byPassword.Get("/chat/user/14/info"))["name"]));
        Assert.Equal(4, Err(await byPassword.Get("/chat/user/999999999999/info")));

        // Live counts: being in a shop's room counts.
        await ownerSocket.Send("""{"c":"ENTR_GROUP","gname":"shop_14"}""");
        await ShopLife.ShopLifeTestKit.Eventually(async () =>
        {
            var counts = await byPassword.Get("/chat/shops/usernum?shop_id=14&shop_id=15");
            return (bool)counts["is_success"]! && (long)counts["usernum"]! >= 1 && (long)counts["shop_dict"]!["14"]! >= 1 && counts["shop_dict"]!["15"] is not null;
        }, "shop 14 counts the user in its room");
        Assert.Equal(4, Err(await byPassword.Get("/chat/shops/usernum?shop_id=99999999")));
        Assert.Equal(1, Err(await byPassword.Get("/chat/shops/usernum")));
    }
}
