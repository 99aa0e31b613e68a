using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Mmx.Tests.Chat;

/// <summary>
/// The chat socket as the shipped iOS app holds it (YBWebSocketManager): <c>/chat/?u={accID}&amp;p={MD5,
/// upper case}</c>, frames read by their <c>c</c> and the fields the app reads. A real WebSocket to
/// the embedded front's loopback port.
/// </summary>
public sealed class ChatSocketTests(ChatSocketTests.Api api) : IClassFixture<ChatSocketTests.Api>
{
    public sealed class Api : ApiFactory
    {
        public Api() => ListenOnLoopback();
    }

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    /// <summary>What the iOS app stores and sends: the MD5 of what the user typed, upper case.</summary>
    private static string AppPassword(string typed) => ShippedClients.ShippedClientRequests.Md5Upper(typed);

    private async Task<(ApiClient Client, long AccId, string Password)> SignedUp()
    {
        var client = api.NewClient();
        var password = AppPassword($"typed-{Guid.NewGuid():N}"[..14]);
        var accId = await client.SignUp(AccountTestKit.NewPhone(), password);
        return (client, accId, password);
    }

    private Task<ChatClient> AppSocket(long accId, string password) => ChatClient.Connect(api.WebSocketUri($"/chat/?u={accId}&p={password}"));

    [Fact]
    public async Task The_app_connects_with_its_account_and_md5_and_a_wrong_one_gets_no_socket()
    {
        var (client, accId, password) = await SignedUp();
        await using (var socket = await AppSocket(accId, password))
        {
            await socket.Send("""{"c":"SHOP_GNAME","sid":123}""");
            var room = await socket.Next("SHOP_GNAME");
            Assert.Equal("shop_123", (string)room["gname"]!);
        }
        // The web client's lower-case MD5 is the same password; the mcode with its m names the account too.
        await (await AppSocket(accId, password.ToLowerInvariant())).DisposeAsync();
        var mcode = (long)(await client.Get("/user/personal"))["info"]!["mcode"]!;
        await (await ChatClient.Connect(api.WebSocketUri($"/chat/?u=m{mcode}&p={password}"))).DisposeAsync();

        var wrong = await Assert.ThrowsAsync<ChatClient.Refused>(() => AppSocket(accId, AppPassword("not-the-password")));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        var unknown = await Assert.ThrowsAsync<ChatClient.Refused>(() => AppSocket(999_999_999_000, password));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        var none = await Assert.ThrowsAsync<ChatClient.Refused>(() => ChatClient.Connect(api.WebSocketUri("/chat/")));
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
    }

    [Fact]
    public async Task An_invitation_arrives_as_add_friend_and_its_answers_as_con_friend()
    {
        var (a, aId, aPassword) = await SignedUp();
        var (b, bId, bPassword) = await SignedUp();
        var (c, cId, _) = await SignedUp();
        await using var aSocket = await AppSocket(aId, aPassword);
        await using var bSocket = await AppSocket(bId, bPassword);

        Assert.Equal(0, Err(await b.Post("/user/friend/invite", new { mode = 3, userID = aId, remark = "我是小B" })));
        var invite = await aSocket.Next("ADD_FRIEND");
        Assert.Equal(bId.ToString(), (string)invite["invitor"]!);
        Assert.Equal(aId.ToString(), (string)invite["receiver"]!);
        var arguments = invite["arguments"]!;
        // What the app reads: invitor_id (intValue), invitor_portrait, invitor_name, remark.
        Assert.Equal(bId, (long)arguments["invitor_id"]!);
        Assert.Equal("我是小B", (string)arguments["remark"]!);
        Assert.StartsWith("喵友", (string)arguments["invitor_name"]!);
        Assert.NotNull(arguments["invitor_portrait"]);

        // Accept 1 (the app's button), and the inviter's socket learns it.
        Assert.Equal(0, Err(await a.Post($"/user/friend/accept?uid={bId}&accept=1")));
        var accepted = await bSocket.Next("CON_FRIEND");
        Assert.Equal(1, (int)accepted["accept"]!);
        Assert.Equal(aId, (long)accepted["arguments"]!["receivor_id"]!);
        Assert.StartsWith("喵友", (string)accepted["arguments"]!["receivor_name"]!);

        // Accept 0 declines: the inviter hears 0.
        Assert.Equal(0, Err(await c.Post("/user/friend/invite", new { mode = 3, userID = bId, remark = "" })));
        await bSocket.Next("ADD_FRIEND", f => (long)f["arguments"]!["invitor_id"]! == cId);
        await using var cSocket = await ChatClient.Connect(api.WebSocketUri($"/chat/?token={c.Token}"));
        Assert.Equal(0, Err(await b.Post($"/user/friend/accept?uid={cId}&accept=0")));
        var declined = await cSocket.Next("CON_FRIEND");
        Assert.Equal(0, (int)declined["accept"]!);
        Assert.Equal(bId, (long)declined["arguments"]!["receivor_id"]!);
    }

    [Fact]
    public async Task What_an_offline_account_missed_comes_first_on_connect_and_only_once()
    {
        var (a, aId, aPassword) = await SignedUp();
        var (b, bId, bPassword) = await SignedUp();
        Assert.Equal(0, Err(await b.Post("/user/friend/invite", new { mode = 3, userID = aId, remark = "离线邀请" })));
        await using (var aSocket = await AppSocket(aId, aPassword))
        {
            var invite = await aSocket.Next("ADD_FRIEND");
            Assert.Equal("离线邀请", (string)invite["remark"]!);
        }
        // b is offline when a accepts: b's next socket hears it, the one after does not again.
        Assert.Equal(0, Err(await a.Post($"/user/friend/accept?uid={bId}")));
        await using (var bSocket = await AppSocket(bId, bPassword))
        {
            Assert.Equal(1, (int)(await bSocket.Next("CON_FRIEND"))["accept"]!);
        }
        await using var again = await AppSocket(bId, bPassword);
        Assert.DoesNotContain(await again.Settled(), f => (string?)f["c"] == "CON_FRIEND");
    }

    [Fact]
    public async Task A_fan_message_reaches_fans_with_messages_on_and_no_other_live_or_on_connect()
    {
        var (on, onId, onPassword) = await SignedUp();
        var (off, offId, offPassword) = await SignedUp();
        var (later, laterId, laterPassword) = await SignedUp();
        foreach (var fan in new[] { on, off, later }) Assert.Equal(0, Err(await fan.Post("/user/shop/concern?sid=31")));
        Assert.Equal(0, Err(await off.Post("/user/setting/message", new { shopID = 31, msgEnable = 0 })));
        await using var onSocket = await AppSocket(onId, onPassword);
        await using var offSocket = await AppSocket(offId, offPassword);

        var admin = new ApiClient(api.CreateClient());
        var published = await admin.Send(HttpMethod.Post, "/admin/shop/message", new { sid = 31, title = "新品到店", content = "秋装上新，全场九折" }, admin: true);
        Assert.Equal(0, Err(published));
        var message = await onSocket.Next("SEND_FANS_M");
        Assert.Equal(31, (long)message["shop"]!);
        Assert.Equal("秋装上新，全场九折", (string)message["body"]!);
        Assert.True((long)message["time"]! > 0);

        // The fan who was offline gets it on connect, once.
        await using (var laterSocket = await AppSocket(laterId, laterPassword))
        {
            Assert.Equal((long)published["msgID"]!, (long)(await laterSocket.Next("SEND_FANS_M"))["msgID"]!);
        }
        await using (var again = await AppSocket(laterId, laterPassword))
        {
            Assert.DoesNotContain(await again.Settled(), f => (string?)f["c"] == "SEND_FANS_M");
        }
        // msgEnable off: nothing, neither live nor queued.
        Assert.DoesNotContain(await offSocket.Settled(), f => (string?)f["c"] == "SEND_FANS_M");
    }

    [Fact]
    public async Task A_second_socket_of_the_account_sends_change_device_to_the_first()
    {
        var (_, accId, password) = await SignedUp();
        await using var first = await AppSocket(accId, password);
        await first.Send("""{"c":"SHOP_GNAME","sid":1}""");
        await first.Next("SHOP_GNAME");
        await using var second = await AppSocket(accId, password);
        var change = await first.Next("CHANGE_DEVICE");
        Assert.Equal("", (string)change["msg"]!);
        Assert.True(await first.EndsWithin(3), "the older socket stayed open");
        // The newer one works.
        await second.Send("""{"c":"SHOP_GNAME","sid":2}""");
        Assert.Equal("shop_2", (string)(await second.Next("SHOP_GNAME"))["gname"]!);
    }

    [Fact]
    public async Task Logout_closes_the_sessions_socket_and_a_password_reset_the_apps()
    {
        var (user, accId, password) = await SignedUp();
        await using var bySession = await ChatClient.Connect(api.WebSocketUri("/chat/"), bearer: user.Token);
        Assert.Equal(0, Err(await user.Post("/user/logout")));
        Assert.True(await bySession.EndsWithin(3), "the socket of a logged-out session stayed open");

        var (other, otherId, otherPassword) = await SignedUp();
        await using var byPassword = await AppSocket(otherId, otherPassword);
        var phone = (string)(await other.Get("/user/personal"))["info"]!["phone"]!;
        var resetter = api.NewClient();
        await resetter.VerifyPhone(phone);
        Assert.Equal(0, Err(await resetter.Post("/user/resetpw", new { phone, password = AppPassword("brand-new-one") })));
        Assert.True(await byPassword.EndsWithin(3), "the app's socket stayed open after a password reset");
        await Assert.ThrowsAsync<ChatClient.Refused>(() => AppSocket(otherId, otherPassword));
        _ = accId;
    }

    [Fact]
    public async Task Bad_frames_are_answered_error_and_floods_and_huge_frames_close_the_socket()
    {
        var (_, accId, password) = await SignedUp();
        await using (var socket = await AppSocket(accId, password))
        {
            await socket.Send("this is not json");
            Assert.Equal(1, (int)(await socket.Next("ERROR"))["err"]!);
            await socket.Send("""{"sid":1}""");
            Assert.Equal(1, (int)(await socket.Next("ERROR"))["err"]!);
            await socket.Send("""{"c":"SHOP_GNAME","sid":"abc"}""");
            var bad = await socket.Next("ERROR");
            Assert.Equal("SHOP_GNAME", (string)bad["for"]!);
            // Still open.
            await socket.Send("""{"c":"SHOP_GNAME","sid":"7"}""");
            Assert.Equal("shop_7", (string)(await socket.Next("SHOP_GNAME"))["gname"]!);
        }
        await using (var socket = await AppSocket(accId, password))
        {
            await socket.Send(Encoding.UTF8.GetBytes("{\"c\":\"SHOP_GNAME\",\"pad\":\"" + new string('x', 17 * 1024) + "\"}"));
            Assert.True(await socket.EndsWithin(5), "a 17 KB frame did not close the socket");
            Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
        }
        await using (var socket = await AppSocket(accId, password))
        {
            for (var i = 0; i < 30; i++) await socket.Send("""{"c":"SHOP_GNAME","sid":1}""");
            Assert.True(await socket.EndsWithin(5), "30 frames at once did not close the socket");
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
        }
    }
}
