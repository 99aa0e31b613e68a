using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;
using Data = Mmx.Tests.ShippedClients.ShippedClientCatalogue;

namespace Mmx.Tests.ShippedClients;

/// <summary>Bugs a shipped client hit: visit paging within one second, exit of an unknown shop, a friend's hidden counts, release histories.</summary>
public sealed class ClientBugTests(ClientBugTests.Api api) : IClassFixture<ClientBugTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private static async Task<long[]> ShopIds(JsonNode answer) => [.. answer["shopList"]!.AsArray().Select(s => (long)s!["id"]!)];

    [Fact]
    public async Task Paging_visits_by_the_last_time_sees_every_visit_once_when_visits_share_a_second()
    {
        await Data.Import(api);
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
        // Five visits: one alone, then four in one second (the fake clock stands still).
        long[] shops = [Data.Uniqlo, Data.TeeWorkshop, Data.Other, 1, 2];
        Assert.Equal(0, Err(await client.Post($"/user/shop/enter?sid={shops[0]}")));
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        foreach (var shop in shops[1..]) Assert.Equal(0, Err(await client.Post($"/user/shop/enter?sid={shop}")));

        var seen = new List<long>();
        var time = 0L;
        for (var page = 0; page < 10; page++)
        {
            var answer = await client.Get($"/user/shop/visit?time={time}&direct=1&count=2");
            var items = answer["shopList"]!.AsArray();
            if (items.Count == 0) break;
            seen.AddRange(await ShopIds(answer));
            time = (long)items[^1]!["time"]!;
        }
        Assert.Equal(shops.Order(), seen.Order());
        Assert.Equal(shops.Length, seen.Distinct().Count());
        Assert.Equal(shops[0], seen[^1]);
    }

    [Fact]
    public async Task Five_visits_in_one_second_paged_two_at_a_time_come_whole_then_nothing()
    {
        await Data.Import(api);
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
        long[] shops = [Data.Uniqlo, Data.TeeWorkshop, Data.Other, 1, 2];
        foreach (var shop in shops) Assert.Equal(0, Err(await client.Post($"/user/shop/enter?sid={shop}")));

        var first = await client.Get("/user/shop/visit?time=0&direct=1&count=2");
        Assert.Equal(shops.Order(), (await ShopIds(first)).Order());
        var last = (long)first["shopList"]!.AsArray()[^1]!["time"]!;
        Assert.Empty((await client.Get($"/user/shop/visit?time={last}&direct=1&count=2"))["shopList"]!.AsArray());
        // Forward from just before that second: the same five, once.
        Assert.Equal(shops.Order(), (await ShopIds(await client.Get($"/user/shop/visit?time={last - 1}&direct=2&count=2"))).Order());
    }

    [Fact]
    public async Task Exit_of_an_unknown_shop_is_err_4()
    {
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
        Assert.Equal(4, Err(await client.Post("/user/shop/exit?sid=987654321")));
        Assert.Equal(0, Err(await client.Post("/user/shop/exit?sid=1")));
    }

    [Fact]
    public async Task A_friends_ffv_count_hides_the_lists_they_hid()
    {
        await Data.Import(api);
        var owner = api.NewClient();
        var ownerId = await IosSignUp(owner, AccountTestKit.NewPhone(), "miao-Pass-2016");
        var friend = api.NewClient();
        var friendId = await IosSignUp(friend, AccountTestKit.NewPhone(), "miao-Pass-2016");
        Assert.Equal(0, Err(await friend.Post("/user/friend/invite", new { mode = 3, userID = ownerId, remark = "" })));
        Assert.Equal(0, Err(await owner.Post($"/user/friend/accept?uid={friendId}")));
        Assert.Equal(0, Err(await owner.Post($"/user/shop/concern?sid={Data.Uniqlo}")));
        Assert.Equal(0, Err(await owner.Post($"/user/goods/concern?gid={Data.Coat}")));
        Assert.Equal(0, Err(await owner.Post($"/user/shop/enter?sid={Data.Uniqlo}")));

        var shared = (await friend.Get($"/user/ffv/count?uid={ownerId}"))["ffvCount"]!;
        Assert.Equal((1, 1, 1), ((int)shared["fans"]!, (int)shared["favorite"]!, (int)shared["visited"]!));

        Assert.Equal(0, Err(await owner.Literal(HttpMethod.Post, "/user/setting/private", """{"fansEnable":"0","visitEnable":false}""", IosAgent)));
        var hidden = (await friend.Get($"/user/ffv/count?uid={ownerId}"))["ffvCount"]!;
        Assert.Equal((0, 1, 0), ((int)hidden["fans"]!, (int)hidden["favorite"]!, (int)hidden["visited"]!));
        var own = (await owner.Get("/user/ffv/count"))["ffvCount"]!;
        Assert.Equal((1, 1, 1), ((int)own["fans"]!, (int)own["favorite"]!, (int)own["visited"]!));
    }

    [Fact]
    public async Task A_release_history_of_one_platform_answers_the_newest()
    {
        await Data.Import(api);
        var imported = await api.Import(Data.ReleaseHistory);
        Assert.True((int)imported["err"]! == 0, imported.ToJsonString());
        var ios = await api.NewClient().Get("/user/version?sys=1");
        Assert.Equal(0, Err(ios));
        Assert.Equal("1.2.0", (string?)ios["version"]);
        Assert.Equal("https://dl.test/1.2.0.ipa", (string?)ios["packet"]);
        Assert.Equal("1.0.1", (string?)(await api.NewClient().Get("/user/version?sys=2"))["version"]);
    }
}
