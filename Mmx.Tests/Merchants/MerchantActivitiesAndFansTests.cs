using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.Merchants;

/// <summary>
/// The shipped portal's activity and fans pages (fd_web_cli views/merchant/account/activity and
/// fans, forward mt/shop) with its own bodies: publish and delete an activity, list the fans,
/// message them within the month's quota; users see each step at once.
/// </summary>
public sealed class MerchantActivitiesAndFansTests(MerchantActivitiesAndFansTests.Api api) : IClassFixture<MerchantActivitiesAndFansTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<(ApiClient Client, long AccId)> User(string? name = null)
    {
        var user = api.NewClient();
        var accId = await user.SignUp(AccountTestKit.NewPhone());
        if (name is not null) Assert.Equal(0, Err(await user.Post("/user/personal", new { attr = 1, name })));
        return (user, accId);
    }

    private string Day(int fromToday) =>
        Mmx.Grains.Common.ShanghaiCalendar.Today(api.Clock).AddDays(fromToday).ToString("yyyy-MM-dd");

    private string ActivityForm(string title, int from = 0, int to = 10) =>
        $$"""{"act_title":"{{title}}","act_content":"[\"全场五折\"]","begin_time":"{{Day(from)}}","end_time":"{{Day(to)}}"}""";

    private static async Task<long[]> ShopActivities(ApiClient user, long shopId) =>
        [.. (await user.Get($"/user/shop/activity?sid={shopId}"))["actList"]!.AsArray().Select(a => (long)a!["id"]!)];

    [Fact]
    public async Task An_activity_published_on_the_portal_is_shown_to_users_at_once_one_a_day_and_gone_when_deleted()
    {
        var (portal, shopId, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        var (user, _) = await User();
        var published = await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/activities", ActivityForm("夏季五折"), BrowserAgent);
        Assert.Equal(0, Err(published));
        Assert.True((bool)published["is_success"]!);
        var activity = (long)published["activity_id"]!;

        Assert.Equal([activity], await ShopActivities(user, shopId));
        Assert.Contains((await user.Get("/user/activity?city=1&offset=0&count=100"))["actList"]!.AsArray(), a => (long)a!["actID"]! == activity);
        Assert.Equal("夏季五折", (string)(await user.Get($"/userweb/activity/{activity}"))["title"]!);
        var listed = await portal.Get($"/shop/{shopId}/activities?offset=0&limit=10");
        Assert.Equal(1, (int)listed["total_num"]!);
        Assert.Equal(Day(0) + " 00:00:00", (string)listed["activities"]![0]!["begin_time"]!);

        // One a day (the portal says 今天你已经发过活动了); the next day another.
        Assert.Equal(6, Err(await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/activities", ActivityForm("再来一个"), BrowserAgent)));
        api.Clock.Advance(TimeSpan.FromDays(1));
        var second = (long)(await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/activities", ActivityForm("第二天的"), BrowserAgent))["activity_id"]!;
        Assert.Equal(2, (await ShopActivities(user, shopId)).Length);

        // Another merchant cannot delete it (err 3), nor name it under its own shop (err 4).
        var (other, otherShop, otherAccount, _, _, _) = await MerchantTestKit.LiveShop(api);
        Assert.Equal(3, Err(await other.Literal(HttpMethod.Delete, $"/shop/{shopId}/activity/{activity}", null, BrowserAgent)));
        Assert.Equal(4, Err(await other.Literal(HttpMethod.Delete, $"/shop/{otherShop}/activity/{activity}", null, BrowserAgent)));
        Assert.Equal(2, (await ShopActivities(user, shopId)).Length);

        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Delete, $"/shop/{shopId}/activity/{activity}", null, BrowserAgent)));
        Assert.Equal([second], await ShopActivities(user, shopId));
        Assert.Equal(4, Err(await user.Get($"/userweb/activity/{activity}")));
        Assert.DoesNotContain((await user.Get("/user/activity?city=1&offset=0&count=100"))["actList"]!.AsArray(), a => (long)a!["actID"]! == activity);

        // Bad input: err 1, nothing published.
        api.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/activities", ActivityForm("倒着", from: 5, to: 1), BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/activities", """{"act_title":"","begin_time":"2026-01-01","end_time":"2026-01-02"}""", BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/activities", """{"act_title":"x","begin_time":"tomorrow","end_time":"2026-01-02"}""", BrowserAgent)));
        Assert.Equal([second], await ShopActivities(user, shopId));
    }

    [Fact]
    public async Task The_fans_page_lists_fans_with_their_visits_and_messages_reach_the_fans_within_the_quota()
    {
        var merchant = await MerchantTestKit.SignUp(api);
        var (portal, shopId) = (merchant.Portal, merchant.ShopId);
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(portal, merchant.Account, MerchantTestKit.Password)));
        Assert.Equal(0, Err(await MerchantTestKit.Approve(api, shopId, quota: 2)));
        var (fan, fanId) = await User("小明");
        var (muted, mutedId) = await User("小红");
        var (stranger, strangerId) = await User();
        Assert.Equal(0, Err(await fan.Post($"/user/shop/concern?sid={shopId}")));
        Assert.Equal(0, Err(await muted.Post($"/user/shop/concern?sid={shopId}")));
        Assert.Equal(0, Err(await muted.Post("/user/setting/message", new { shopID = shopId, msgEnable = 0 })));
        Assert.Equal(0, Err(await fan.Post($"/user/shop/enter?sid={shopId}")));

        var page = await portal.Literal(HttpMethod.Get, $"/shop/{shopId}/fans?offset=0&limit=10", null, BrowserAgent);
        Assert.Equal(0, Err(page));
        Assert.Equal(2, (int)page["total_num"]!);
        var fans = page["fans"]!.AsArray();
        var shown = fans.Single(f => (long)f!["user_id"]! == fanId)!;
        Assert.Equal("小明", (string)shown["user_name"]!);
        Assert.Equal(1, (int)shown["user_visit_num"]!);
        Assert.NotNull(shown["user_last_visitime"]);
        Assert.NotNull(shown["fan_since"]);
        Assert.Equal(0, (int)fans.Single(f => (long)f!["user_id"]! == mutedId)!["msg_enable"]!);

        // To all fans with messages on: the muted fan and the stranger get nothing.
        var sent = await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/fansmessage", """{"sendall":true,"userids":"","message":"新品到店，欢迎光临"}""", BrowserAgent);
        Assert.Equal(0, Err(sent));
        Assert.Equal(1, (int)sent["total_num"]!);
        Assert.Equal(1, (int)sent["mass_remain_count"]!);
        await ShopLife.ShopLifeTestKit.Eventually(async () =>
            (await fan.Get("/user/message?offset=0&count=10"))["msgList"]!.AsArray().Any(m => (string)m!["content"]! == "新品到店，欢迎光临"),
            "the fan's inbox has the message");
        // To one fan (the portal's fans page, sendall false): delivered before the answer; a stranger listed gets nothing.
        var (late, lateId) = await User();
        Assert.Equal(0, Err(await late.Post($"/user/shop/concern?sid={shopId}")));
        sent = await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/fansmessage", $$"""{"sendall":false,"userids":"{{lateId}},{{strangerId}}","message":"专属优惠"}""", BrowserAgent);
        Assert.Equal(1, (int)sent["total_num"]!);
        Assert.Equal("专属优惠", (string)(await late.Get("/user/message?offset=0&count=10"))["msgList"]![0]!["content"]!);
        Assert.Equal(0, (int)(await stranger.Get("/user/message?offset=0&count=10"))["total_num"]!);
        Assert.DoesNotContain((await fan.Get("/user/message?offset=0&count=10"))["msgList"]!.AsArray(), m => (string)m!["content"]! == "专属优惠");

        // The quota (2 this month) is used up: err 6, nobody gets it; the next month it is whole again.
        Assert.Equal(6, Err(await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/fansmessage", """{"sendall":true,"message":"第三条"}""", BrowserAgent)));
        Assert.Equal(0, (int)(await portal.Get($"/merchant/{shopId}/msgconfig"))["mass_remain_count"]!);
        Assert.DoesNotContain((await late.Get("/user/message?offset=0&count=10"))["msgList"]!.AsArray(), m => (string)m!["content"]! == "第三条");
        var local = api.Clock.GetUtcNow().ToOffset(Mmx.Grains.Common.ShanghaiCalendar.Offset);
        var nextMonth = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset).AddMonths(1);
        api.Clock.Advance(nextMonth - local + TimeSpan.FromHours(1));
        Assert.Equal(2, (int)(await portal.Get($"/merchant/{shopId}/msgconfig"))["mass_remain_count"]!);

        // Another merchant's fans: err 3; bad input: err 1.
        var (other, otherShop, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        Assert.Equal(3, Err(await other.Get($"/shop/{shopId}/fans?offset=0&limit=10")));
        Assert.Equal(3, Err(await other.Literal(HttpMethod.Post, $"/shop/{shopId}/fansmessage", """{"sendall":true,"message":"冒名"}""", BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/fansmessage", """{"sendall":true,"message":""}""", BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, $"/shop/{shopId}/fansmessage", """{"sendall":false,"userids":"","message":"谁"}""", BrowserAgent)));
        Assert.Equal(2, (int)(await portal.Get($"/merchant/{shopId}/msgconfig"))["mass_remain_count"]!);
    }
}
