using System.Text.Json.Nodes;
using Mmx.Grains.TryOn;

namespace Mmx.Tests.TryOn;

/// <summary>/user/goods/fit: anyone lists try-on pictures, a logged-in user adds them.</summary>
public sealed class GoodsFitApiTests(GoodsFitApiTests.Api api) : IClassFixture<GoodsFitApiTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private static object Fit(long goodsID, string picURL, string? description = "M 码，偏大") => new { goodsID, picURL, description };

    [Fact]
    public async Task Pictures_added_by_users_are_listed_newest_first_and_paged()
    {
        var alice = api.NewClient();
        await alice.SignUp(AccountTestKit.NewPhone());
        var bob = api.NewClient();
        await bob.SignUp(AccountTestKit.NewPhone());
        const long gid = 7;
        var before = (int)(await api.NewClient().Get($"/user/goods/fit?gid={gid}"))["total"]!;

        Assert.Equal(0, Err(await alice.Put("/user/goods/fit", Fit(gid, "https://img.example.com/a1.jpg"))));
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Err(await bob.Put("/user/goods/fit", Fit(gid, "https://img.example.com/b1.jpg", null))));
        // A retried add is not a second picture.
        Assert.Equal(0, Err(await bob.Put("/user/goods/fit", Fit(gid, "https://img.example.com/b1.jpg", null))));

        var anonymous = api.NewClient();
        var page = await anonymous.Get($"/user/goods/fit?gid={gid}&offset=0&count=2");
        Assert.Equal(0, Err(page));
        Assert.Equal(before + 2, (int)page["total"]!);
        Assert.Equal(["https://img.example.com/b1.jpg", "https://img.example.com/a1.jpg"],
            page["picList"]!.AsArray().Select(p => (string)p!).ToArray());
        Assert.Equal("M 码，偏大", (string?)page["fitList"]![1]!["description"]);
        var second = await anonymous.Get($"/user/goods/fit?gid={gid}&offset=1&count=1");
        Assert.Equal("https://img.example.com/a1.jpg", (string?)second["picList"]![0]);
    }

    [Fact]
    public async Task Bad_adds_change_nothing()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        const long gid = 9;
        var before = (await api.NewClient().Get($"/user/goods/fit?gid={gid}")).ToJsonString();

        Assert.Equal(4, Err(await client.Put("/user/goods/fit", Fit(987654321, "https://img.example.com/x.jpg"))));
        Assert.Equal(1, Err(await client.Put("/user/goods/fit", Fit(gid, "javascript:alert(1)"))));
        Assert.Equal(1, Err(await client.Put("/user/goods/fit", Fit(gid, ""))));
        Assert.Equal(1, Err(await client.Put("/user/goods/fit", Fit(gid, "https://img.example.com/x.jpg", new string('长', 201)))));
        Assert.Equal(1, Err(await client.Put("/user/goods/fit", new { picURL = "https://img.example.com/x.jpg" })));
        Assert.Equal(2, Err(await api.NewClient().Put("/user/goods/fit", Fit(gid, "https://img.example.com/x.jpg"))));
        Assert.Equal(4, Err(await api.NewClient().Get("/user/goods/fit?gid=987654321")));
        Assert.Equal(1, Err(await api.NewClient().Get($"/user/goods/fit?gid={gid}&count=101")));

        Assert.Equal(before, (await api.NewClient().Get($"/user/goods/fit?gid={gid}")).ToJsonString());
    }

    [Fact]
    public async Task One_user_adds_at_most_the_limit_per_goods_item()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        const long gid = 11;
        for (var i = 0; i < IGoodsFitGrain.MaxPerUser; i++)
        {
            Assert.Equal(0, Err(await client.Put("/user/goods/fit", Fit(gid, $"https://img.example.com/{i}.jpg"))));
        }
        Assert.Equal(6, Err(await client.Put("/user/goods/fit", Fit(gid, "https://img.example.com/one-more.jpg"))));
        // Someone else still can.
        var other = api.NewClient();
        await other.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, Err(await other.Put("/user/goods/fit", Fit(gid, "https://img.example.com/one-more.jpg"))));
    }
}
