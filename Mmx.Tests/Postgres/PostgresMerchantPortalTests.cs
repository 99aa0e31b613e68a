using System.Text.Json.Nodes;
using Mmx.Tests.Merchants;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.Postgres;

/// <summary>
/// The shipped portal's flow in cluster mode (two fronts, two silos, a real PostgreSQL), each step
/// made on one front and seen by users on the other at once: sign-up, the operator's approval,
/// the shop edited, two goods published, one taken off the shelf, an activity created and deleted,
/// the fans listed and messaged; and the operators' side across fronts: feedback on the desk,
/// a disabled account refused on the other front, every action in the audit log.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMerchantPortalTests(PostgresServer postgres)
{
    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private static async Task<long[]> OnSale(ApiClient user, long shopId) =>
        [.. (await user.Get($"/user/goods?sid={shopId}&offset=0&count=100"))["goodsList"]!.AsArray().Select(g => (long)g!["id"]!)];

    private static async Task<long[]> Activities(ApiClient user, long shopId) =>
        [.. (await user.Get($"/user/shop/activity?sid={shopId}"))["actList"]!.AsArray().Select(a => (long)a!["id"]!)];

    private static async Task<JsonNode> News(ApiClient user, long shopId) =>
        Assert.Single((await user.Get($"/user/fans/news?sid={shopId}"))["shopList"]!.AsArray())!;

    [Fact]
    public async Task The_portal_flow_made_on_one_front_is_seen_by_users_on_the_other_at_once()
    {
        var clusterId = $"portal-{Guid.NewGuid():N}";
        await using var silos = await SiloPair.Start(postgres.ConnectionString, clusterId);
        await using var front1 = new ApiFactory(postgres.ConnectionString, clusterId);
        await using var front2 = new ApiFactory(postgres.ConnectionString, clusterId).ListenOnLoopback();
        // The places and categories the portal's sign-up form names (the embedded default's demo has them).
        Assert.Equal(0, Err(await front1.Import("""
            {"cities": [{"id": 1, "name": "深圳"}], "districts": [{"id": 105, "name": "南山区", "city": 1}],
             "categories": [{"id": 1, "name": "服装", "pic": "https://img.test/c.png", "parent": 0}, {"id": 11, "name": "女装", "pic": "https://img.test/c1.png", "parent": 1}]}
            """)));
        var user1 = front1.NewClient();
        var fanId = await user1.SignUp(AccountTestKit.NewPhone());
        var user2 = front2.NewClient();
        user2.Token = user1.Token;

        // Sign-up through front 1: pending, nowhere for users on front 2; approved through front 2: live on front 1.
        var (portal1, shopId, account, _, _, _) = await MerchantTestKit.SignUp(front1);
        Assert.Equal(4, Err(await user2.Get($"/user/shop/info?sid={shopId}")));
        Assert.Equal(0, Err(await MerchantTestKit.Approve(front2, shopId)));
        Assert.Equal(0, Err(await user1.Get($"/user/shop/info?sid={shopId}")));
        Assert.Contains((await user1.Get("/user/shop?city=1&count=10&long=113.95&lat=22.54"))["shopList"]!.AsArray(), s => (long)s!["id"]! == shopId);
        var portal2 = front2.NewClient();
        portal2.Token = (string)(await MerchantTestKit.LogIn(portal1, account, MerchantTestKit.Password))["token"]!;

        // The shop edited on front 1 is on front 2.
        Assert.Equal(0, Err(await portal1.Literal(HttpMethod.Put, $"/shop/{shopId}", MerchantTestKit.ShopForm("跨前端门店", 113.95, 22.54), BrowserAgent)));
        Assert.Equal("跨前端门店", (string)(await user2.Get($"/user/shop/info?sid={shopId}"))["info"]!["name"]!);
        Assert.Contains((await user2.Get("/user/shop?city=1&count=10&long=113.95&lat=22.54"))["shopList"]!.AsArray(), s => (string)s!["name"]! == "跨前端门店");

        // The user follows through front 2; two goods published through front 2 are on front 1, and the fan's news says so.
        Assert.Equal(0, Err(await user2.Post($"/user/shop/concern?sid={shopId}")));
        var coat = await MerchantTestKit.PublishGoods(portal2, shopId, "跨前端外套");
        var scarf = await MerchantTestKit.PublishGoods(portal2, shopId, "跨前端围巾");
        Assert.Equal([scarf, coat], await OnSale(user1, shopId));
        Assert.Equal("跨前端外套", (string)(await user1.Get($"/user/goods/info?gid={coat}"))["info"]!["desp"]!);
        Assert.Equal(1, (int)(await News(user1, shopId))["hasNew"]!);

        // One off the shelf through front 1: gone on front 2.
        Assert.Equal(0, Err(await portal1.Literal(HttpMethod.Put, "/goods/status", $$"""{"ids":[{{coat}}],"status":0}""", BrowserAgent)));
        Assert.Equal([scarf], await OnSale(user2, shopId));

        // An activity created through front 2 is on front 1; deleted through front 1, gone on front 2.
        var today = Mmx.Grains.Common.ShanghaiCalendar.Today(TimeProvider.System);
        var created = await portal2.Literal(HttpMethod.Post, $"/shop/{shopId}/activities",
            $$"""{"act_title":"跨前端活动","act_content":"[\"满百减十\"]","begin_time":"{{today:yyyy-MM-dd}}","end_time":"{{today.AddDays(5):yyyy-MM-dd}}"}""", BrowserAgent);
        Assert.Equal(0, Err(created));
        var activity = (long)created["activity_id"]!;
        Assert.Equal([activity], await Activities(user1, shopId));
        Assert.Equal(1, (int)(await News(user1, shopId))["hasAct"]!);
        Assert.Equal(0, Err(await portal1.Literal(HttpMethod.Delete, $"/shop/{shopId}/activity/{activity}", null, BrowserAgent)));
        Assert.Empty(await Activities(user2, shopId));

        // The fans listed through front 1 and messaged through front 2 (to the listed fan: in the inbox before the answer), read on front 1.
        var fans = (await portal1.Get($"/shop/{shopId}/fans?offset=0&limit=10"))["fans"]!.AsArray();
        Assert.Equal(fanId, (long)Assert.Single(fans)!["user_id"]!);
        var sent = await portal2.Literal(HttpMethod.Post, $"/shop/{shopId}/fansmessage", $$"""{"sendall":false,"userids":"{{fanId}}","message":"跨前端的问候"}""", BrowserAgent);
        Assert.Equal(0, Err(sent));
        Assert.Equal("跨前端的问候", (string)(await user1.Get("/user/message?offset=0&count=10"))["msgList"]![0]!["content"]!);
        Assert.Equal((int)sent["mass_remain_count"]!, (int)(await portal1.Get($"/merchant/{shopId}/msgconfig"))["mass_remain_count"]!);

        await OperatorsAcrossFronts(front1, front2, shopId);
    }

    private static async Task OperatorsAcrossFronts(ApiFactory front1, ApiFactory front2, long shopId)
    {
        Task<JsonNode> Admin(ApiFactory front, HttpMethod method, string path, object? body = null) => front.NewClient().Send(method, path, body, admin: true);
        var phone = AccountTestKit.NewPhone();
        var password = Md5Upper("cluster-desk-1");
        var user = front2.NewClient();
        var accId = await user.SignUp(phone, password);

        // Feedback through front 2 is on the desk read through front 1 within a second; a reply through front 2 answers it.
        Assert.Equal(0, Err(await user.Post("/user/feedback", new { feedback = "跨前端的反馈" })));
        var seen = System.Diagnostics.Stopwatch.StartNew();
        while (!(await Admin(front1, HttpMethod.Get, "/admin/feedback?offset=0&count=100"))["threads"]!.AsArray().Any(t => (long)t!["uid"]! == accId))
        {
            Assert.True(seen.Elapsed < TimeSpan.FromSeconds(1), "the feedback is not on the other front's desk within a second");
            await Task.Delay(50);
        }
        Assert.Equal(0, Err(await Admin(front2, HttpMethod.Post, "/admin/feedback/reply", new { uid = accId, content = "收到" })));
        Assert.DoesNotContain((await Admin(front1, HttpMethod.Get, "/admin/feedback?offset=0&count=100"))["threads"]!.AsArray(), t => (long)t!["uid"]! == accId);

        // Disabled through front 1: the token and the chat socket held on front 2 end, and front 2 refuses the login (err 3).
        await using var socket = await ChatClient.Connect(front2.WebSocketUri($"/chat/?u={accId}&p={password}"));
        Assert.Equal(0, Err(await Admin(front1, HttpMethod.Post, $"/admin/user/{accId}/disable")));
        Assert.Equal(2, Err(await user.Get("/user/personal")));
        Assert.True(await socket.EndsWithin(5), "the socket on the other front ends when the account is disabled");
        Assert.Equal(3, Err(await front2.NewClient().LogIn(phone, password)));

        // Every one of those operator actions is in the audit log, whichever front took it.
        var log = (await Admin(front2, HttpMethod.Get, "/admin/audit?offset=0&count=100"))["actions"]!.AsArray().Select(a => (string)a!["request"]!).ToList();
        Assert.Contains($"POST /admin/merchant/{shopId}/approve", log);
        Assert.Contains("POST /admin/feedback/reply", log);
        Assert.Contains($"POST /admin/user/{accId}/disable", log);
    }
}
