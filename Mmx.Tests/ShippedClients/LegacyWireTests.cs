using System.Text.Json;
using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;
using Data = Mmx.Tests.ShippedClients.ShippedClientCatalogue;

namespace Mmx.Tests.ShippedClients;

/// <summary>
/// The shipped clients' wire profile: the answers whose types would crash the iOS app come in the
/// original backend's types for a ForwardOne User-Agent (the default setting), an
/// <c>X-Mmx-Wire: legacy</c> header or a configured web origin, and in the contract's for everyone else.
/// </summary>
public sealed class LegacyWireTests(LegacyWireTests.Api api) : IClassFixture<LegacyWireTests.Api>
{
    public sealed class Api : ApiFactory;

    private static readonly (string, string) LegacyHeader = ("X-Mmx-Wire", "legacy");

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<(ApiClient Client, long Id)> Member()
    {
        var client = api.NewClient();
        return (client, await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016"));
    }

    [Fact]
    public async Task Feedback_time_is_a_date_string_for_the_shipped_apps_and_unix_seconds_otherwise()
    {
        var (client, _) = await Member();
        Assert.Equal(0, Err(await client.Post("/user/feedback", new { feedback = "闪退了" })));
        var sentAt = api.Clock.GetUtcNow().ToUnixTimeSeconds();

        var contract = (await client.Literal(HttpMethod.Get, "/user/feedback", null, BrowserAgent))["feedList"]![0]!["time"]!;
        Assert.Equal(JsonValueKind.Number, contract.GetValueKind());
        Assert.Equal(sentAt, (long)contract);

        foreach (var legacy in new[] { IosAgent, LegacyHeader })
        {
            using var response = await client.SendLiteral(HttpMethod.Get, "/user/feedback", null, legacy);
            Assert.Contains("X-Mmx-Wire", response.Headers.Vary);
            var time = (string)(await ApiFactory.ReadJson(response))["feedList"]![0]!["time"]!;
            // The app cuts the first 19 characters: the Shanghai wall-clock time of the message.
            Assert.Equal(19, time.Length);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(sentAt).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss"), time);
        }
    }

    [Fact]
    public async Task A_friends_favourite_prices_and_visit_times_are_text_for_the_shipped_apps()
    {
        await Data.Import(api);
        var (owner, ownerId) = await Member();
        var (friend, friendId) = await Member();
        Assert.Equal(0, Err(await friend.Post("/user/friend/invite", new { mode = 3, userID = ownerId, remark = "" })));
        Assert.Equal(0, Err(await owner.Post($"/user/friend/accept?uid={friendId}")));
        Assert.Equal(0, Err(await owner.Post($"/user/goods/concern?gid={Data.Coat}")));
        Assert.Equal(0, Err(await owner.Post($"/user/shop/enter?sid={Data.Uniqlo}")));

        var legacyGoods = (await friend.Literal(HttpMethod.Get, $"/user/friend/favorite?uid={ownerId}", null, IosAgent))["goodsList"]![0]!;
        Assert.Equal("499.50", (string?)legacyGoods["price"]);
        Assert.Equal("399.00", (string?)legacyGoods["promot"]);
        var goods = (await friend.Get($"/user/friend/favorite?uid={ownerId}"))["goodsList"]![0]!;
        Assert.Equal(499.5m, (decimal)goods["price"]!);

        var legacyVisit = (await friend.Literal(HttpMethod.Get, $"/user/friend/visit?uid={ownerId}", null, IosAgent))["shopList"]![0]!;
        Assert.Equal(JsonValueKind.String, legacyVisit["time"]!.GetValueKind());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", (string)legacyVisit["time"]!);
        var visit = (await friend.Get($"/user/friend/visit?uid={ownerId}"))["shopList"]![0]!;
        Assert.Equal(JsonValueKind.Number, visit["time"]!.GetValueKind());
    }

    [Fact]
    public async Task Activity_shopPic_is_the_list_of_the_shops_pictures_for_the_shipped_apps()
    {
        await Data.Import(api);
        var legacy = await api.NewClient().Literal(HttpMethod.Get, $"/userweb/activity/{Data.Activity}", null, IosAgent);
        Assert.Equal(["https://img.test/u1.png", "https://img.test/u2.png"], legacy["shopPic"]!.AsArray().Select(p => (string)p!));
        Assert.StartsWith("2015-01-01 ", (string?)legacy["bt"]);

        var contract = await api.NewClient().Get($"/userweb/activity/{Data.Activity}");
        Assert.Equal("https://img.test/u1.png", (string?)contract["shopPic"]);
        Assert.Equal("2015-01-01", (string?)contract["bt"]);
    }

    [Fact]
    public async Task Goods_basic_is_json_text_of_paramsName_and_paramsValue_for_the_shipped_apps()
    {
        await Data.Import(api);
        var legacy = (await api.NewClient().Literal(HttpMethod.Get, $"/user/goods/info?gid={Data.Coat}", null, IosAgent))["info"]!;
        var lines = JsonNode.Parse((string)legacy["basic"]!)!.AsArray();
        Assert.Equal(["材质=羽绒", "颜色=黑"], lines.Select(l => $"{(string)l!["paramsName"]!}={(string)l["paramsValue"]!}"));

        var contract = (await api.NewClient().Get($"/user/goods/info?gid={Data.Coat}"))["info"]!;
        Assert.Equal("材质", (string?)contract["basic"]![0]!["key"]);

        var listed = (await api.NewClient().Literal(HttpMethod.Get, $"/user/goods?sid={Data.Uniqlo}", null, IosAgent))["goodsList"]![0]!;
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss"), (string?)listed["time"]);
    }

    [Fact]
    public async Task Goods_promot_has_no_status_key_for_the_shipped_apps()
    {
        await Data.Import(api);
        var (client, _) = await Member();
        var legacy = (await client.Literal(HttpMethod.Get, $"/user/goods/promot?gid={Data.Coat}", null, IosAgent))["goodsList"]![0]!.AsObject();
        Assert.Equal(["gid", "promot"], legacy.Select(p => p.Key));
        var contract = (await client.Get($"/user/goods/promot?gid={Data.Coat}"))["goodsList"]![0]!.AsObject();
        Assert.Equal(["gid", "promot", "status"], contract.Select(p => p.Key));
    }

    /// <summary>An operator's own settings: other User-Agent prefixes, and the web client's origin.</summary>
    public sealed class ConfiguredApi() : ApiFactory(settings: new Dictionary<string, string>
    {
        ["Mmx:Wire:LegacyUserAgents:0"] = "MmxLegacyTest/",
        ["Mmx:Wire:LegacyOrigins"] = "https://web.mmx.test, https://m.mmx.test",
    });

    public sealed class Configured(ConfiguredApi configured) : IClassFixture<ConfiguredApi>
    {
        [Fact]
        public async Task The_profile_follows_the_operators_agents_and_origins()
        {
            var client = configured.NewClient();
            await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
            Assert.Equal(0, (int)(await client.Post("/user/feedback", new { feedback = "好用" }))["err"]!);

            async Task<JsonValueKind> TimeKind(params (string, string)[] headers) =>
                (await client.Literal(HttpMethod.Get, "/user/feedback", null, headers))["feedList"]![0]!["time"]!.GetValueKind();

            Assert.Equal(JsonValueKind.String, await TimeKind(("User-Agent", "MmxLegacyTest/2.0")));
            Assert.Equal(JsonValueKind.Number, await TimeKind(IosAgent));
            Assert.Equal(JsonValueKind.String, await TimeKind(BrowserAgent, ("Origin", "https://m.mmx.test")));
            Assert.Equal(JsonValueKind.Number, await TimeKind(BrowserAgent, ("Origin", "https://evil.test")));
        }
    }
}
