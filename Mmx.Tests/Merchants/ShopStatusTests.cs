using System.Text.Json.Nodes;

namespace Mmx.Tests.Merchants;

/// <summary>
/// Only live shops are seen (contract: "Merchants"): a suspended, closed or expired shop is gone
/// from every user view (info, listings, search, goods, activities) on the answer of the change,
/// and comes back as it was. In a city of this test's own, so that every listing is small.
/// </summary>
public sealed class ShopStatusTests(ShopStatusTests.Api api) : IClassFixture<ShopStatusTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;
    private static int _nextCity = 9300;

    /// <summary>A city of its own with a live merchant shop, one goods item and one activity valid today and for 60 days.</summary>
    private async Task<(MerchantTestKit.Merchant Merchant, long City, long Goods, long Activity)> LiveShopWithWares()
    {
        var city = Interlocked.Increment(ref _nextCity);
        Assert.Equal(0, Err(await api.Import($$"""{"cities":[{"id":{{city}},"name":"测试市{{city}}","province":44}]}""")));
        var merchant = await MerchantTestKit.LiveShop(api, city);
        var today = Mmx.Grains.Common.ShanghaiCalendar.Today(api.Clock);
        long goods = city * 10 + 1, activity = city * 10 + 2;
        Assert.Equal(0, Err(await api.Import($$"""
            {"goods":[{"id":{{goods}},"shop":{{merchant.ShopId}},"desp":"新款连衣裙","price":199,"promot":159,"pics":["https://img.test/g.jpg"],"basic":[],"barcode":"status-{{goods}}","time":{{api.Clock.GetUtcNow().ToUnixTimeSeconds()}},"status":1}],
             "activities":[{"id":{{activity}},"shop":{{merchant.ShopId}},"title":"开业酬宾","content":"满100减20","bt":"{{today:yyyy-MM-dd}}","et":"{{today.AddDays(60):yyyy-MM-dd}}"}]}
            """)));
        return (merchant, city, goods, activity);
    }

    /// <summary>Every user view of the shop: true where it shows, per view.</summary>
    private async Task<Dictionary<string, bool>> Views(long shopId, long city, long goods, long activity)
    {
        var user = api.NewClient();
        bool Listed(JsonNode list, string key, long id) => list.AsArray().Any(i => (long)i![key]! == id);
        return new()
        {
            ["info"] = Err(await user.Get($"/user/shop/info?sid={shopId}")) == 0,
            ["listing"] = Listed((await user.Get($"/user/shop?city={city}&count=10"))["shopList"]!, "id", shopId),
            ["search"] = Listed((await user.Get($"/user/shop/search?city={city}&name=%E9%97%A8%E5%BA%97&count=10"))["shopList"]!, "id", shopId),
            ["goods"] = Err(await user.Get($"/user/goods?sid={shopId}")) == 0,
            ["goods info"] = Err(await user.Get($"/user/goods/info?gid={goods}")) == 0,
            ["barcode"] = Err(await user.Get($"/user/goods/info?barcode=status-{goods}")) == 0,
            ["shop activities"] = Err(await user.Get($"/user/shop/activity?sid={shopId}")) == 0,
            ["city activities"] = Listed((await user.Get($"/user/activity?city={city}&count=10"))["actList"]!, "actID", activity),
            ["activity"] = Err(await user.Get($"/userweb/activity/{activity}")) == 0,
            ["shop page"] = Err(await user.Get($"/shop/{shopId}")) == 0,
        };
    }

    private static void AssertAll(Dictionary<string, bool> views, bool shown) =>
        Assert.True(views.All(v => v.Value == shown), $"expected every view {(shown ? "shown" : "hidden")}: {string.Join(", ", views.Select(v => $"{v.Key}={v.Value}"))}");

    private Task<JsonNode> SetStatus(long shopId, string status) =>
        api.NewClient().Send(HttpMethod.Post, $"/admin/shop/{shopId}/status", new { status }, admin: true);

    [Fact]
    public async Task A_suspended_or_closed_shop_is_gone_from_every_user_view_and_comes_back_as_it_was()
    {
        var (merchant, city, goods, activity) = await LiveShopWithWares();
        AssertAll(await Views(merchant.ShopId, city, goods, activity), shown: true);

        Assert.Equal(0, Err(await SetStatus(merchant.ShopId, "suspended")));
        AssertAll(await Views(merchant.ShopId, city, goods, activity), shown: false);
        Assert.Equal(3, (int)(await merchant.Portal.Get($"/merchant/{merchant.ShopId}/serviceinfo"))["service_status"]!);
        // An operator's import of the shop changes its details, never whether it is shown.
        Assert.Equal(0, Err(await api.Import($$"""{"shops":[{"id":{{merchant.ShopId}},"name":"门店改名","city":{{city}},"category":1,"long":{{merchant.Long}},"lat":{{merchant.Lat}}}]}""")));
        Assert.Equal(4, Err(await api.NewClient().Get($"/user/shop/info?sid={merchant.ShopId}")));

        Assert.Equal(0, Err(await SetStatus(merchant.ShopId, "live")));
        AssertAll(await Views(merchant.ShopId, city, goods, activity), shown: true);
        Assert.Equal("门店改名", (string)(await api.NewClient().Get($"/user/shop/info?sid={merchant.ShopId}"))["info"]!["name"]!);

        Assert.Equal(0, Err(await SetStatus(merchant.ShopId, "closed")));
        AssertAll(await Views(merchant.ShopId, city, goods, activity), shown: false);
        Assert.Equal(1, Err(await SetStatus(merchant.ShopId, "gone")));
        Assert.Equal(3, Err(await merchant.Portal.Post($"/admin/shop/{merchant.ShopId}/status", new { status = "live" })));
    }

    [Fact]
    public async Task An_imported_shop_without_a_merchant_is_withdrawn_and_shown_by_its_status()
    {
        // Demo shop 35 (Beijing) is this test's.
        var user = api.NewClient();
        Assert.Equal(0, Err(await user.Get("/user/shop/info?sid=35")));
        Assert.Equal(0, Err(await SetStatus(35, "suspended")));
        Assert.Equal(4, Err(await user.Get("/user/shop/info?sid=35")));
        Assert.Equal(4, Err(await user.Get("/user/goods?sid=35")));
        Assert.Equal(0, Err(await SetStatus(35, "live")));
        Assert.Equal(0, Err(await user.Get("/user/shop/info?sid=35")));
        Assert.Equal(4, Err(await SetStatus(987_654_321, "live")));
    }

    [Fact]
    public async Task A_service_whose_period_ends_expires_by_itself_and_an_approval_renews_it()
    {
        var (merchant, city, goods, activity) = await LiveShopWithWares();
        // Approved for 30 days (the kit's): a day past the end, the watchdog withdraws it within seconds.
        api.Clock.Advance(TimeSpan.FromDays(31));
        // 31 idle days end the portal's session too: the merchant logs in again.
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(merchant.Portal, merchant.Account, MerchantTestKit.Password)));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Err(await api.NewClient().Get($"/user/shop/info?sid={merchant.ShopId}")) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the shop was still shown 30 s after its service ended");
            await Task.Delay(200);
        }
        AssertAll(await Views(merchant.ShopId, city, goods, activity), shown: false);
        Assert.Equal(5, (int)(await merchant.Portal.Get($"/merchant/{merchant.ShopId}/serviceinfo"))["service_status"]!);
        // Expired is not shown again by a status change: an approval renews it.
        Assert.Equal(3, Err(await SetStatus(merchant.ShopId, "live")));
        Assert.Equal(0, Err(await MerchantTestKit.Approve(api, merchant.ShopId, days: 30)));
        Assert.Equal(2, (int)(await merchant.Portal.Get($"/merchant/{merchant.ShopId}/serviceinfo"))["service_status"]!);
        AssertAll(await Views(merchant.ShopId, city, goods, activity), shown: true);
    }
}
