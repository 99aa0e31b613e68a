using System.Text.Json.Nodes;

namespace Mmx.Tests.Api;

/// <summary>
/// Shop messages, the inbox, the push outbox and the live event stream, over HTTP against the
/// embedded API and its demo catalogue (each test uses shops of its own).
/// </summary>
public sealed class MessagesApiTests(MessagesApiTests.Api api) : IClassFixture<MessagesApiTests.Api>
{
    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string> { ["Mmx:Events:KeepAliveSeconds"] = "1" });

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<(ApiClient Client, long AccId)> SignedUp()
    {
        var client = api.NewClient();
        var accId = await client.SignUp(AccountTestKit.NewPhone());
        return (client, accId);
    }

    private async Task<JsonNode> Publish(object body, string? adminKey = ApiFactory.AdminKey)
    {
        var client = new ApiClient(api.CreateClient(), adminKey: adminKey);
        return await client.Send(HttpMethod.Post, "/admin/shop/message", body, admin: true);
    }

    private static async Task<JsonNode> InboxWhen(ApiClient client, Func<JsonNode, bool> condition, string what)
    {
        JsonNode inbox = null!;
        await ShopLife.ShopLifeTestKit.Eventually(async () => condition(inbox = await client.Get("/user/message?offset=0&count=100")), what);
        return inbox;
    }

    [Fact]
    public async Task A_message_reaches_the_fans_with_messages_on_and_nobody_else()
    {
        var (on, _) = await SignedUp();
        var (off, _) = await SignedUp();
        var (gone, _) = await SignedUp();
        var (elsewhere, _) = await SignedUp();
        foreach (var fan in new[] { on, off, gone }) Assert.Equal(0, Err(await fan.Post("/user/shop/concern?sid=5")));
        Assert.Equal(0, Err(await off.Post("/user/setting/message", new { shopID = 5, msgEnable = 0 })));
        Assert.Equal(0, Err(await gone.Delete("/user/shop/concern?sid=5")));
        Assert.Equal(0, Err(await elsewhere.Post("/user/shop/concern?sid=6")));

        var published = await Publish(new { sid = 5, title = "周末特惠", content = "全场八折", pic = "https://img.test/p.jpg" });
        Assert.Equal(0, Err(published));
        Assert.Equal(1, (int)published["fans"]!);
        var msgId = (long)published["msgID"]!;

        var inbox = await InboxWhen(on, i => (int)i["total_num"]! == 1, "the fan's inbox has the message");
        Assert.Equal(1, (int)inbox["unread"]!);
        var message = inbox["msgList"]![0]!;
        Assert.Equal(msgId, (long)message["msgID"]!);
        Assert.Equal(1, (int)message["kind"]!);
        Assert.Equal(5, (long)message["sid"]!);
        Assert.Equal("周末特惠", (string)message["title"]!);
        Assert.Equal("全场八折", (string)message["content"]!);
        Assert.Equal("https://img.test/p.jpg", (string)message["pic"]!);
        Assert.False(string.IsNullOrEmpty((string)message["shopName"]!));
        Assert.Equal(0, (int)message["read"]!);

        // The one batch that reached the fan is the whole fan-out: the others were never in it.
        foreach (var other in new[] { off, gone, elsewhere })
        {
            var theirs = await other.Get("/user/message?offset=0&count=10");
            Assert.Equal(0, (int)theirs["total_num"]!);
        }

        Assert.Equal(0, Err(await on.Post("/user/message/read", new { msgIDs = new[] { msgId } })));
        var read = await on.Get("/user/message");
        Assert.Equal(0, (int)read["unread"]!);
        Assert.Equal(1, (int)read["msgList"]![0]!["read"]!);

        // Switched on again (-1: every fan shop), the next message arrives; the shipped app sends strings.
        Assert.Equal(0, Err(await off.Literal(HttpMethod.Post, "/user/setting/message", """{"shopID":"-1","msgEnable":"2"}""")));
        Assert.Equal(2, (int)(await Publish(new { sid = 5, title = "第二条", content = "x" }))["fans"]!);
        await InboxWhen(off, i => (int)i["total_num"]! == 1, "the fan who switched messages on has the second message");
        Assert.Equal(0, Err(await on.Post("/user/message/read", new { all = 1 })));
        await InboxWhen(on, i => (int)i["total_num"]! == 2 && (int)i["unread"]! == 0, "all read");
    }

    [Fact]
    public async Task Bad_messages_change_nothing()
    {
        Assert.Equal(4, Err(await Publish(new { sid = 999_999, title = "t", content = "c" })));
        Assert.Equal(1, Err(await Publish(new { sid = 7, title = "", content = "c" })));
        Assert.Equal(1, Err(await Publish(new { sid = 7, title = new string('x', 65), content = "c" })));
        Assert.Equal(1, Err(await Publish(new { sid = 7, title = "t", content = new string('x', 1001) })));
        Assert.Equal(1, Err(await Publish(new { sid = 7, title = "t", content = "c", pic = "ftp://x" })));
        Assert.Equal(1, Err(await Publish(new { title = "t", content = "c" })));
        Assert.Equal(3, Err(await Publish(new { sid = 7, title = "t", content = "c" }, adminKey: "wrong-key-0123456789")));
        // A shop nobody follows: sent to nobody.
        var none = await Publish(new { sid = 7, title = "t", content = "c" });
        Assert.Equal(0, Err(none));
        Assert.Equal(0, (int)none["fans"]!);

        var (user, _) = await SignedUp();
        Assert.Equal(1, Err(await user.Get("/user/message?count=101")));
        Assert.Equal(1, Err(await user.Post("/user/message/read", new { })));
        Assert.Equal(2, Err(await api.NewClient().Get("/user/message")));
    }

    [Fact]
    public async Task A_fan_without_a_stream_gets_a_push_notice()
    {
        var (fan, accId) = await SignedUp();
        Assert.Equal(0, Err(await fan.Post("/user/shop/concern?sid=11")));
        var msgId = (long)(await Publish(new { sid = 11, title = "到店有礼", content = "前100名送礼品" }))["msgID"]!;
        var admin = new ApiClient(api.CreateClient());
        JsonNode pushed = null!;
        await ShopLife.ShopLifeTestKit.Eventually(async () =>
            (pushed = await admin.Send(HttpMethod.Get, $"/admin/push?uid={accId}", null, admin: true))["pushList"]!.AsArray().Count == 1,
            "the push outbox has the notice");
        var notice = pushed["pushList"]![0]!;
        Assert.Equal(msgId, (long)notice["msgID"]!);
        Assert.Contains("到店有礼", (string)notice["title"]!);
        Assert.Equal("前100名送礼品", (string)notice["body"]!);
    }

    [Fact]
    public async Task An_import_with_news_sends_one_notice_a_shop_a_day()
    {
        var (fan, _) = await SignedUp();
        Assert.Equal(0, Err(await fan.Post("/user/shop/concern?sid=12")));
        var today = Mmx.Grains.Common.ShanghaiCalendar.Today(api.Clock);
        string Activity(long id, DateOnly bt) => $$"""{"activities":[{"id":{{id}},"shop":12,"title":"会员日","content":"积分翻倍","bt":"{{bt:yyyy-MM-dd}}","et":"{{bt.AddDays(3):yyyy-MM-dd}}"}]}""";
        string Goods(long id) => $$"""{"goods":[{"id":{{id}},"shop":12,"desp":"新款外套","price":399,"promot":299,"pics":["https://img.test/g.jpg"],"basic":[],"barcode":"news-{{id}}","time":{{api.Clock.GetUtcNow().ToUnixTimeSeconds()}},"status":1}]}""";

        // An activity that starts tomorrow is no news today.
        Assert.Equal(0, Err(await api.Import(Activity(9100, today.AddDays(1)))));
        Assert.Equal(0, Err(await api.Import(Activity(9101, today))));
        var inbox = await InboxWhen(fan, i => (int)i["total_num"]! >= 1, "the news notice arrived");
        var notice = inbox["msgList"]![0]!;
        Assert.Equal(2, (int)notice["kind"]!);
        Assert.Contains("会员日", (string)notice["title"]!);

        // New goods the same day: no second notice. The next day: one.
        Assert.Equal(0, Err(await api.Import(Goods(9200))));
        api.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, Err(await api.Import(Goods(9201))));
        inbox = await InboxWhen(fan, i => (int)i["total_num"]! >= 2, "the next day's notice arrived");
        Assert.Equal(2, (int)inbox["total_num"]!);
        Assert.Contains("新款外套", (string)inbox["msgList"]![0]!["content"]!);
        // The same goods imported again are not new.
        api.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, Err(await api.Import(Goods(9201))));
        await Task.Delay(500);
        Assert.Equal(2, (int)(await fan.Get("/user/message"))["total_num"]!);
    }

    [Fact]
    public async Task The_stream_shows_the_live_count_of_the_shop_the_user_is_in()
    {
        var (a, _) = await SignedUp();
        var (b, _) = await SignedUp();
        Assert.Equal(0, Err(await a.Post("/user/shop/enter?sid=8")));
        await using var stream = await EventStreamReader.Open(a.Http, a.Token);
        var first = await stream.Next("customers");
        Assert.Equal(8, (long)first.Data["sid"]!);
        Assert.Equal(1, (long)first.Data["count"]!);

        Assert.Equal(0, Err(await b.Post("/user/shop/enter?sid=8")));
        var second = await stream.Next("customers", d => (long)d["count"]! == 2);
        Assert.Equal(8, (long)second.Data["sid"]!);

        // The user walks into another shop: the stream follows them.
        Assert.Equal(0, Err(await a.Post("/user/shop/enter?sid=9")));
        var moved = await stream.Next("customers", d => (long)d["sid"]! == 9);
        Assert.Equal(1, (long)moved.Data["count"]!);
        // And an idle stream gets comments (every second in this fixture).
        await ShopLife.ShopLifeTestKit.Eventually(() => Task.FromResult(stream.Comments >= 2), "keep-alive comments arrive");
    }

    [Fact]
    public async Task Friend_events_reach_the_other_users_stream()
    {
        var (a, aId) = await SignedUp();
        var (b, bId) = await SignedUp();
        await using var aStream = await EventStreamReader.Open(a.Http, a.Token);
        await using var bStream = await EventStreamReader.Open(b.Http, b.Token);
        Assert.Equal(0, Err(await b.Post("/user/friend/invite", new { mode = 3, userID = aId, remark = "hi" })));
        var invite = await aStream.Next("friend");
        Assert.Equal("invite", (string)invite.Data["type"]!);
        Assert.Equal(bId, (long)invite.Data["uid"]!);
        Assert.NotNull(invite.Data["nickName"]);

        Assert.Equal(0, Err(await a.Post($"/user/friend/accept?uid={bId}")));
        var accepted = await bStream.Next("friend");
        Assert.Equal("accept", (string)accepted.Data["type"]!);
        Assert.Equal(aId, (long)accepted.Data["uid"]!);

        Assert.Equal(0, Err(await a.Delete($"/user/friend?uid={bId}")));
        Assert.Equal("remove", (string)(await bStream.Next("friend")).Data["type"]!);
    }

    [Fact]
    public async Task A_friend_who_leaves_the_app_ends_the_friendship_on_the_other_stream()
    {
        var (leaver, leaverId) = await SignedUp();
        var (friend, friendId) = await SignedUp();
        Assert.Equal(0, Err(await leaver.Post("/user/friend/invite", new { mode = 3, userID = friendId, remark = "" })));
        Assert.Equal(0, Err(await friend.Post($"/user/friend/accept?uid={leaverId}")));
        await using var stream = await EventStreamReader.Open(friend.Http, friend.Token);
        // The erasure ends the friendship from the leaver's own grain: the event must not wait on it.
        Assert.Equal(0, Err(await leaver.Post("/user/delete", new { password = "secret-pass-1" })));
        var removed = await stream.Next("friend");
        Assert.Equal("remove", (string)removed.Data["type"]!);
        Assert.Equal(leaverId, (long)removed.Data["uid"]!);
    }

    [Fact]
    public async Task A_reconnect_with_last_event_id_gets_the_missed_messages_first()
    {
        var (fan, _) = await SignedUp();
        Assert.Equal(0, Err(await fan.Post("/user/shop/concern?sid=13")));
        string lastId;
        await using (var stream = await EventStreamReader.Open(fan.Http, fan.Token))
        {
            await Publish(new { sid = 13, title = "一", content = "1" });
            var live = await stream.Next("message");
            Assert.Equal("一", (string)live.Data["title"]!);
            Assert.Equal(1, (int)live.Data["kind"]!);
            lastId = live.Id!;
        }
        // Offline: two more.
        await Publish(new { sid = 13, title = "二", content = "2" });
        await Publish(new { sid = 13, title = "三", content = "3" });
        await InboxWhen(fan, i => (int)i["total_num"]! == 3, "both messages are in the inbox");

        await using var resumed = await EventStreamReader.Open(fan.Http, fan.Token, lastEventId: lastId);
        Assert.Equal("二", (string)(await resumed.Next("message")).Data["title"]!);
        var third = await resumed.Next("message");
        Assert.Equal("三", (string)third.Data["title"]!);
        Assert.True(long.Parse(third.Id!) > long.Parse(lastId));
        await Task.Delay(300);
        Assert.DoesNotContain(resumed.Pending(), e => e.Name == "message");
    }

    [Fact]
    public async Task A_sixth_stream_closes_the_oldest_and_the_stream_needs_a_session()
    {
        var (user, _) = await SignedUp();
        var streams = new List<EventStreamReader>();
        try
        {
            for (var i = 0; i < 5; i++) streams.Add(await EventStreamReader.Open(user.Http, user.Token));
            await Task.Delay(200);
            Assert.All(streams, s => Assert.False(s.Ended.IsCompleted));
            streams.Add(await EventStreamReader.Open(user.Http, user.Token));
            await streams[0].Ended.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.All(streams.Skip(1), s => Assert.False(s.Ended.IsCompleted));
        }
        finally
        {
            foreach (var s in streams) await s.DisposeAsync();
        }

        using var anonymous = await api.CreateClient().GetAsync("/user/events");
        Assert.Equal(2, Err(await ApiFactory.ReadJson(anonymous)));
    }
}
