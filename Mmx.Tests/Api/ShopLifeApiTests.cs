using System.Text.Json.Nodes;

namespace Mmx.Tests.Api;

/// <summary>The shop-life routes over HTTP against the embedded API and its demo catalogue.</summary>
public sealed class ShopLifeApiTests(ShopLifeApiTests.Api api) : IClassFixture<ShopLifeApiTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private static void AssertFields(JsonNode node, params string[] names)
    {
        foreach (var name in names) Assert.True(node.AsObject().ContainsKey(name), $"missing {name} in {node.ToJsonString()}");
    }

    private async Task<(ApiClient Client, long AccId)> SignedUp()
    {
        var client = api.NewClient();
        var accId = await client.SignUp(AccountTestKit.NewPhone());
        return (client, accId);
    }

    [Fact]
    public async Task Entering_polling_and_leaving_shops_moves_the_counts()
    {
        var (a, _) = await SignedUp();
        var (b, _) = await SignedUp();
        // Demo shops 33 and 34 (Beijing) are used by this test only.
        Assert.Equal(0, Err(await a.Post("/user/shop/enter?sid=33")));
        Assert.Equal(0, Err(await b.Post("/user/shop/enter?sid=33")));
        var poll = await a.Get("/user/shop/customer?sid=33");
        Assert.Equal(2, (long)poll["count"]!);

        Assert.Equal(0, Err(await b.Post("/user/shop/enter?sid=34")));
        Assert.Equal(1, (long)(await a.Get("/user/shop/customer?sid=33"))["count"]!);
        Assert.Equal(0, Err(await a.Post("/user/shop/exit?sid=33")));
        Assert.Equal(0, (long)(await a.Get("/user/shop/customer?sid=33"))["count"]!);

        var info = (await b.Get("/user/shop/info?sid=34"))["info"]!;
        Assert.Equal(1, (long)info["customers"]!);

        // Listings catch up within a few seconds.
        await ShopLife.ShopLifeTestKit.Eventually(async () =>
        {
            var shops = (await a.Get("/user/shop?city=4&count=50"))["shopList"]!.AsArray();
            return (long)shops.Single(s => (long)s!["id"]! == 34)!["customers"]! == 1
                && (long)shops.Single(s => (long)s!["id"]! == 33)!["customers"]! == 0;
        }, "the Beijing listing shows the moved customer");

        var visits = (await b.Get("/user/shop/visit?time=0&direct=1&count=5"))["shopList"]!.AsArray();
        Assert.Equal([34L, 33L], visits.Select(v => (long)v!["id"]!));
        AssertFields(visits[0]!, "id", "name", "time");
    }

    [Fact]
    public async Task Following_shops_and_the_fan_routes()
    {
        var (client, _) = await SignedUp();
        Assert.Equal(0, Err(await client.Post("/user/shop/concern?sid=5")));
        Assert.Equal(0, Err(await client.Post("/user/shop/concern?sid=6")));
        Assert.Equal(0, Err(await client.Post("/user/shop/concern?sid=6")));
        Assert.Equal(0, Err(await client.Delete("/user/shop/concern?sid=5")));
        Assert.Equal(4, Err(await client.Post("/user/shop/concern?sid=424242")));

        var diff = await client.Post("/user/fans/diff", new { shopIDs = new[] { 5, 7 } });
        Assert.Equal([6L], diff["addShopIDs"]!.AsArray().Select(x => (long)x!));
        Assert.Equal([5L, 7L], diff["delShopIDs"]!.AsArray().Select(x => (long)x!));

        var info = Assert.Single((await client.Get("/user/fans/info?sid=6&sid=5"))["shopList"]!.AsArray())!;
        AssertFields(info, "id", "name", "pic", "time", "msgEnable");
        Assert.Equal(2, (int)info["msgEnable"]!);
        Assert.Equal(0, Err(await client.Post("/user/setting/message", new { shopID = -1, msgEnable = 0 })));
        Assert.Equal(0, (int)(await client.Get("/user/fans/info?sid=6"))["shopList"]![0]!["msgEnable"]!);
        Assert.Equal(4, Err(await client.Post("/user/setting/message", new { shopID = 5, msgEnable = 2 })));

        var news = (await client.Get("/user/fans/news?sid=6&sid=424242"))["shopList"]!.AsArray();
        var six = Assert.Single(news)!;
        AssertFields(six, "id", "hasAct", "hasNew");
        Assert.Equal(1, (int)six["hasAct"]!); // demo shop 6 has a year-long activity

        var shopInfo = (await client.Get("/user/shop/info?sid=6"))["info"]!;
        Assert.Equal(1, (int)shopInfo["isFans"]!);
        Assert.True((long)shopInfo["fans"]! >= 1);
        using var anonymous = await api.CreateClient().GetAsync("/user/shop/info?sid=6");
        Assert.Equal(0, (int)(await ApiFactory.ReadJson(anonymous))["info"]!["isFans"]!);

        var counts = (await client.Get("/user/ffv/count"))["ffvCount"]!;
        AssertFields(counts, "fans", "favorite", "visited");
        Assert.Equal(1, (int)counts["fans"]!);
    }

    [Fact]
    public async Task Saving_goods_and_the_favourite_routes()
    {
        var (client, accId) = await SignedUp();
        Assert.Equal(0, Err(await client.Post("/user/goods/concern?gid=10")));
        Assert.Equal(0, Err(await client.Post("/user/goods/concern?gid=11")));
        Assert.Equal(0, Err(await client.Delete("/user/goods/concern?gid=10")));
        Assert.Equal(4, Err(await client.Post("/user/goods/concern?gid=424242")));

        var diff = await client.Post("/user/favorite/diff", new { goodsIDs = new[] { 10 } });
        Assert.Equal([11L], diff["addGoodsIDs"]!.AsArray().Select(x => (long)x!));
        Assert.Equal([10L], diff["delGoodsIDs"]!.AsArray().Select(x => (long)x!));

        var info = (await client.Get("/user/favorite/info?gid=11&gid=424242"))["goodsList"]!.AsArray();
        AssertFields(Assert.Single(info)!, "gid", "sid", "desp", "price", "promot", "pic");
        var promot = (await client.Get("/user/goods/promot?gid=11"))["goodsList"]![0]!;
        AssertFields(promot, "gid", "promot", "status");
        var news = (await client.Get("/user/goods/promot/news?gid=11"))["goods"]![0]!;
        AssertFields(news, "id", "desp", "price", "promot", "picList", "basic", "status");

        var mine = await client.Get($"/userweb/{accId}/favorites?offset=0&limit=10");
        Assert.Equal(1, (int)mine["total_num"]!);
        Assert.Equal(11, (long)mine["goods"]![0]!["id"]!);
        var (_, stranger) = await SignedUp();
        Assert.Equal(3, Err(await client.Get($"/userweb/{stranger}/favorites")));
        Assert.Equal(3, Err(await client.Get($"/user/ffv/count?uid={stranger}")));
        Assert.Equal(1, (int)(await client.Get($"/user/ffv/count?uid={accId}"))["ffvCount"]!["favorite"]!);
    }

    [Theory]
    [InlineData("POST", "/user/shop/enter?sid=1")]
    [InlineData("POST", "/user/shop/exit?sid=1")]
    [InlineData("GET", "/user/shop/customer?sid=1")]
    [InlineData("GET", "/user/shop/visit")]
    [InlineData("POST", "/user/shop/concern?sid=1")]
    [InlineData("DELETE", "/user/shop/concern?sid=1")]
    [InlineData("POST", "/user/fans/diff")]
    [InlineData("GET", "/user/fans/info?sid=1")]
    [InlineData("GET", "/user/fans/news?sid=1")]
    [InlineData("POST", "/user/setting/message")]
    [InlineData("POST", "/user/goods/concern?gid=1")]
    [InlineData("DELETE", "/user/goods/concern?gid=1")]
    [InlineData("POST", "/user/favorite/diff")]
    [InlineData("GET", "/user/favorite/info?gid=1")]
    [InlineData("GET", "/user/goods/promot?gid=1")]
    [InlineData("GET", "/user/goods/promot/news?gid=1")]
    [InlineData("GET", "/userweb/10001/favorites")]
    [InlineData("GET", "/user/ffv/count")]
    public async Task Shop_life_routes_need_a_session(string method, string url)
    {
        var client = api.NewClient();
        Assert.Equal(2, Err(await client.Send(new HttpMethod(method), url, null)));
    }

    [Theory]
    [InlineData("POST", "/user/shop/enter", null, 1)]
    [InlineData("POST", "/user/shop/enter?sid=abc", null, 1)]
    [InlineData("POST", "/user/shop/enter?sid=424242", null, 4)]
    [InlineData("GET", "/user/shop/customer?sid=424242", null, 4)]
    [InlineData("GET", "/user/shop/visit?direct=3", null, 1)]
    [InlineData("GET", "/user/shop/visit?time=-1", null, 1)]
    [InlineData("GET", "/user/shop/visit?count=101", null, 1)]
    [InlineData("POST", "/user/fans/diff", """{"shopIDs":"1,2"}""", 1)]
    [InlineData("POST", "/user/fans/diff", """{"shopIDs":[0]}""", 1)]
    [InlineData("POST", "/user/fans/diff", """{}""", 1)]
    [InlineData("POST", "/user/favorite/diff", """{"goodsIDs":[1.5]}""", 1)]
    [InlineData("POST", "/user/setting/message", """{"shopID":1,"msgEnable":3}""", 1)]
    [InlineData("POST", "/user/setting/message", """{"shopID":0,"msgEnable":2}""", 1)]
    [InlineData("GET", "/userweb/abc/favorites", null, 1)]
    public async Task Bad_shop_life_input_gets_the_contracts_err(string method, string url, string? json, int err)
    {
        var (client, _) = await SignedUp();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Authorization = new("Bearer", client.Token);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(err, Err(await ApiFactory.ReadJson(response)));
        Assert.Equal(0, (int)(await client.Get("/user/ffv/count"))["ffvCount"]!["visited"]!);
    }
}
