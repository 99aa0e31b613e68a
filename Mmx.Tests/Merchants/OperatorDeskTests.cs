using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.Merchants;

/// <summary>
/// The operators' desk over HTTP: disabling an account (its token and socket refused at once, its
/// login err 3), looking users up, the feedback desk, takedowns, and the audit log that records
/// each of those actions.
/// </summary>
public sealed class OperatorDeskTests(OperatorDeskTests.Api api) : IClassFixture<OperatorDeskTests.Api>
{
    public sealed class Api : ApiFactory
    {
        public Api() => ListenOnLoopback();
    }

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private Task<JsonNode> Admin(HttpMethod method, string path, object? body = null) => api.NewClient().Send(method, path, body, admin: true);

    [Fact]
    public async Task A_disabled_account_loses_its_session_and_socket_at_once_and_logs_in_again_only_when_enabled()
    {
        var phone = AccountTestKit.NewPhone();
        var password = Md5Upper("typed-disable-1");
        var user = api.NewClient();
        var accId = await user.SignUp(phone, password);
        await using var socket = await ChatClient.Connect(api.WebSocketUri($"/chat/?u={accId}&p={password}"));
        Assert.Equal(0, Err(await user.Get("/user/personal")));

        Assert.Equal(0, Err(await Admin(HttpMethod.Post, $"/admin/user/{accId}/disable")));
        Assert.Equal(2, Err(await user.Get("/user/personal")));
        Assert.True(await socket.EndsWithin(5), "the chat socket ends when the account is disabled");
        var again = api.NewClient();
        Assert.Equal(3, Err(await again.LogIn(phone, password)));
        await Assert.ThrowsAsync<ChatClient.Refused>(() => ChatClient.Connect(api.WebSocketUri($"/chat/?u={accId}&p={password}")));
        // A wrong password still says only that (err 8): err 3 is for whoever knows the password.
        Assert.Equal(8, Err(await api.NewClient().LogIn(phone, "wrong-password-1")));
        var found = await Admin(HttpMethod.Get, $"/admin/user?phone={phone}");
        Assert.True((bool)found["user"]!["disabled"]!);

        Assert.Equal(0, Err(await Admin(HttpMethod.Post, $"/admin/user/{accId}/enable")));
        Assert.Equal(0, Err(await again.LogIn(phone, password)));
        Assert.Equal(0, Err(await again.Get("/user/personal")));
        Assert.False((bool)(await Admin(HttpMethod.Get, $"/admin/user?uid={accId}"))["user"]!["disabled"]!);
        Assert.Equal(4, Err(await Admin(HttpMethod.Post, "/admin/user/987654321/disable")));
        // Without the accounts role's key: err 3, nothing changed.
        Assert.Equal(3, Err(await new ApiClient(api.CreateClient(), adminKey: "not-a-key").Send(HttpMethod.Post, $"/admin/user/{accId}/disable", null, admin: true)));
        Assert.Equal(0, Err(await again.Get("/user/personal")));
    }

    [Fact]
    public async Task Users_are_found_by_phone_mcode_or_id()
    {
        var phone = AccountTestKit.NewPhone();
        var user = api.NewClient();
        var accId = await user.SignUp(phone);
        var mcode = (long)(await user.Get("/user/personal"))["info"]!["mcode"]!;
        foreach (var query in new[] { $"phone={phone}", $"mcode={mcode}", $"uid={accId}" })
        {
            var found = await Admin(HttpMethod.Get, $"/admin/user?{query}");
            Assert.Equal(0, Err(found));
            Assert.Equal(accId, (long)found["user"]!["accID"]!);
            Assert.Equal(phone, (string)found["user"]!["phone"]!);
        }
        Assert.Equal(4, Err(await Admin(HttpMethod.Get, $"/admin/user?phone={AccountTestKit.NewPhone()}")));
        Assert.Equal(1, Err(await Admin(HttpMethod.Get, $"/admin/user?phone={phone}&uid={accId}")));
        Assert.Equal(1, Err(await Admin(HttpMethod.Get, "/admin/user")));
    }

    [Fact]
    public async Task Feedback_reaches_the_desk_at_once_and_a_reply_answers_it()
    {
        var user = api.NewClient();
        var accId = await user.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, Err(await user.Post("/user/feedback", new { feedback = "附近的店太少了" })));

        var open = await Admin(HttpMethod.Get, "/admin/feedback?offset=0&count=100");
        var thread = open["threads"]!.AsArray().Single(t => (long)t!["uid"]! == accId)!;
        Assert.True((bool)thread["open"]!);
        Assert.Equal("附近的店太少了", (string)thread["lastContent"]!);
        Assert.Equal(0, Err(await Admin(HttpMethod.Post, "/admin/feedback/reply", new { uid = accId, content = "我们在扩充" })));

        Assert.DoesNotContain((await Admin(HttpMethod.Get, "/admin/feedback?offset=0&count=100"))["threads"]!.AsArray(), t => (long)t!["uid"]! == accId);
        var answered = (await Admin(HttpMethod.Get, "/admin/feedback?status=answered&offset=0&count=100"))["threads"]!.AsArray().Single(t => (long)t!["uid"]! == accId)!;
        Assert.False((bool)answered["open"]!);
        var messages = (await Admin(HttpMethod.Get, $"/admin/feedback/{accId}?offset=0&count=10"))["messages"]!.AsArray();
        Assert.Equal(["我们在扩充", "附近的店太少了"], messages.Select(m => (string)m!["content"]!));
        Assert.Equal([2, 1], messages.Select(m => (int)m!["direction"]!));
        // The user writes again: the thread is open again, at the top.
        api.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, Err(await user.Post("/user/feedback", new { feedback = "还有一个问题" })));
        Assert.Equal(accId, (long)(await Admin(HttpMethod.Get, "/admin/feedback?offset=0&count=1"))["threads"]![0]!["uid"]!);
        Assert.Equal(1, Err(await Admin(HttpMethod.Get, "/admin/feedback?status=closed")));
    }
    [Fact]
    public async Task Takedowns_remove_an_activity_goods_and_a_try_on_picture_for_users_and_each_is_in_the_audit_log()
    {
        var (portal, shopId, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        var goods = await MerchantTestKit.PublishGoods(portal, shopId, "下架测试外套");
        var today = Mmx.Grains.Common.ShanghaiCalendar.Today(api.Clock);
        var activity = (long)(await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/activities",
            $$"""{"act_title":"违规活动","act_content":"[\"全场一折\"]","begin_time":"{{today:yyyy-MM-dd}}","end_time":"{{today.AddDays(3):yyyy-MM-dd}}"}""", BrowserAgent))["activity_id"]!;
        var user = api.NewClient();
        await user.SignUp(AccountTestKit.NewPhone());
        const string picture = "https://img.example.com/takedown-fit.jpg";
        Assert.Equal(0, Err(await user.Put("/user/goods/fit", new { goodsID = goods, picURL = picture, description = "太暴露" })));
        Assert.Contains(picture, (await user.Get($"/user/goods/fit?gid={goods}"))["picList"]!.AsArray().Select(p => (string)p!));

        Assert.Equal(0, Err(await Admin(HttpMethod.Post, "/admin/takedown", new { kind = "tryon", id = goods, pic = picture })));
        Assert.DoesNotContain(picture, (await user.Get($"/user/goods/fit?gid={goods}"))["picList"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(0, Err(await Admin(HttpMethod.Post, "/admin/takedown", new { kind = "activity", id = activity })));
        Assert.DoesNotContain((await user.Get($"/user/shop/activity?sid={shopId}"))["actList"]!.AsArray(), a => (long)a!["id"]! == activity);
        Assert.Equal(0, Err(await Admin(HttpMethod.Post, "/admin/takedown", new { kind = "goods", id = goods })));
        Assert.Equal(4, Err(await user.Get($"/user/goods/info?gid={goods}")));
        // The merchant's own list no longer has it either.
        Assert.Equal(4, Err(await portal.Get($"/goods/{goods}")));

        // Refused takedowns change nothing and are recorded with their err.
        Assert.Equal(4, Err(await Admin(HttpMethod.Post, "/admin/takedown", new { kind = "goods", id = goods })));
        Assert.Equal(1, Err(await Admin(HttpMethod.Post, "/admin/takedown", new { kind = "shop", id = shopId })));

        var log = (await Admin(HttpMethod.Get, "/admin/audit?offset=0&count=100"))["actions"]!.AsArray();
        var takedowns = log.Where(a => (string)a!["request"]! == "POST /admin/takedown").Take(5).Reverse().ToArray();
        Assert.Equal([$"tryon {goods} {picture}", $"activity {activity}", $"goods {goods}", $"goods {goods}", $"shop {shopId}"],
            takedowns.Select(a => (string)a!["subject"]!));
        Assert.Equal([0, 0, 0, 4, 1], takedowns.Select(a => (int)a!["err"]!));
        Assert.All(takedowns, a => Assert.Equal("Catalogue", (string)a!["role"]!));
        Assert.All(takedowns, a => Assert.Matches("^[0-9a-f]{32}$", (string)a!["traceId"]!));
    }
}
