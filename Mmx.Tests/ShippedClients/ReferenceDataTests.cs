using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.ShippedClients;

/// <summary>
/// /basic/*: the pickers of the web client and the merchant portal read provinces, cities,
/// districts and goods categories in the original's fields; the web client's phone change runs on
/// /basic/phonevalidate and ends in /user/bindphone with the tickets in the cookie.
/// </summary>
public sealed class ReferenceDataTests(ReferenceDataTests.Api api) : IClassFixture<ReferenceDataTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private const string Places = """
        {"provinces": [{"id": 9801, "name": "测试省"}, {"id": 9802, "name": "别的省"}],
         "cities": [{"id": 9811, "name": "甲市", "province": 9801}, {"id": 9812, "name": "乙市", "province": 9801},
                    {"id": 9813, "name": "丙市", "province": 9802}],
         "districts": [{"id": 9821, "name": "东区", "city": 9811}, {"id": 9822, "name": "西区", "city": 9811},
                       {"id": 9823, "name": "南区", "city": 9813}],
         "categories": [{"id": 9850, "name": "鞋", "parent": 0}, {"id": 9851, "name": "运动鞋", "parent": 9850},
                        {"id": 9852, "name": "皮鞋", "parent": 9850}]}
        """;

    [Fact]
    public async Task Provinces_cities_and_districts_in_the_originals_fields()
    {
        var imported = await api.Import(Places);
        Assert.Equal(0, Err(imported));
        Assert.Equal((2, 3), ((int)imported["imported"]!["provinces"]!, (int)imported["imported"]!["districts"]!));
        var web = api.NewClient();

        var provinces = await web.Literal(HttpMethod.Get, "/basic/provinces?all=1", null, BrowserAgent);
        // settingsCtrl.js: ng-options="c.province_id as c.province_name for c in this_province"
        Assert.Contains(provinces["provinces"]!.AsArray(), p => (long)p!["province_id"]! == 9801 && (string?)p["province_name"] == "测试省");

        var cities = await web.Get("/basic/cities?all=1&province_id=9801");
        Assert.Equal([9811L, 9812L], cities["cities"]!.AsArray().Select(c => (long)c!["city_id"]!));
        Assert.Equal(2, (int)cities["total_num"]!);
        Assert.Equal("甲市", (string?)cities["cities"]![0]!["city_name"]);

        var city = await web.Get("/basic/city/9813");
        Assert.Equal(("丙市", 9802L, "别的省"), ((string?)city["city_name"], (long)city["province_id"]!, (string?)city["province_name"]));
        Assert.Equal(4, Err(await web.Get("/basic/city/9899")));

        var districts = await web.Get("/basic/districts?city_id=9811");
        Assert.Equal(["东区", "西区"], districts["districts"]!.AsArray().Select(d => (string)d!["district_name"]!));
        Assert.Equal(9811, (long)(await web.Get("/basic/district/9822"))["city_id"]!);
        Assert.Empty((await web.Get("/basic/districts?city_id=9812"))["districts"]!.AsArray());

        // A place that points at nothing is refused, and nothing of the document is kept.
        var bad = await api.Import("""{"provinces": [{"id": 9803, "name": "新省"}], "districts": [{"id": 9824, "name": "北区", "city": 9898}]}""");
        Assert.Equal(1, Err(bad));
        Assert.DoesNotContain((await web.Get("/basic/provinces"))["provinces"]!.AsArray(), p => (long)p!["province_id"]! == 9803);
        Assert.Equal(1, Err(await api.Import("""{"cities": [{"id": 9814, "name": "丁市", "province": 9897}]}""")));
    }

    [Fact]
    public async Task Goods_categories_as_a_list_and_as_the_portals_tree()
    {
        Assert.Equal(0, Err(await api.Import(Places)));
        var web = api.NewClient();
        var top = await web.Get("/basic/goodscategories");
        Assert.Contains(top["goodscategories"]!.AsArray(), c => (long)c!["goodscategory_id"]! == 9850 && (string?)c["goodscategory_name"] == "鞋");
        var children = await web.Get("/basic/goodscategories?parent_id=9850");
        Assert.Equal([9851L, 9852L], children["goodscategories"]!.AsArray().Select(c => (long)c!["goodscategory_id"]!).Order());

        // shopCtrl.js: $scope.cate = catelist.goodscategories; ... ccate.name, ccate.id (the children, "son")
        var tree = await web.Get("/basic/goodscategories?type=all_tree");
        var shoes = tree["goodscategories"]!.AsArray().Single(c => (long)c!["id"]! == 9850)!;
        Assert.Equal(["皮鞋", "运动鞋"], shoes["son"]!.AsArray().Select(c => (string)c!["name"]!).Order());
        var all = await web.Get("/basic/goodscategories?type=all");
        Assert.Contains(all["goodscategories"]!.AsArray(), c => (long)c!["goodscategory_id"]! == 9852 && (long)c["parent_id"]! == 9850);
        Assert.Equal(1, Err(await web.Get("/basic/goodscategories?type=bush")));
    }

    [Fact]
    public async Task The_embedded_default_serves_the_demo_provinces_and_districts()
    {
        var web = api.NewClient();
        Assert.Contains((await web.Get("/basic/provinces"))["provinces"]!.AsArray(), p => (string?)p!["province_name"] == "广东省");
        Assert.Equal("广东省", (string?)(await web.Get("/basic/city/1"))["province_name"]);
        Assert.Contains((await web.Get("/basic/districts?city_id=1"))["districts"]!.AsArray(), d => (string?)d!["district_name"] == "南山区");
    }

    /// <summary>settingsCtrl.js: phonevalidate GET + POST {code} for the current number, then for the new one, then bindphone {phone}.</summary>
    [Fact]
    public async Task The_web_clients_phone_change_runs_on_phonevalidate()
    {
        var web = api.NewClient();
        var current = AccountTestKit.NewPhone();
        await web.SignUp(current);
        var fresh = AccountTestKit.NewPhone();
        foreach (var phone in new[] { current, fresh })
        {
            api.Clock.Advance(Mmx.Grains.Accounts.PhoneGrain.ResendAfter);
            var sent = await web.Literal(HttpMethod.Get, $"/basic/phonevalidate/{phone}", null, BrowserAgent);
            Assert.True((bool)sent["is_success"]!, sent.ToJsonString());
            var code = await web.ReadCodeFromOutbox(phone);
            var wrong = await web.Literal(HttpMethod.Post, $"/basic/phonevalidate/{phone}", """{"code":"000000"}""", BrowserAgent);
            Assert.False((bool?)wrong["is_success"] ?? false);
            var checkedCode = await web.Literal(HttpMethod.Post, $"/basic/phonevalidate/{phone}", $$"""{"code":"{{code}}"}""", BrowserAgent);
            Assert.True((bool)checkedCode["is_success"]!, checkedCode.ToJsonString());
        }
        var bound = await web.Literal(HttpMethod.Post, "/user/bindphone", $$"""{"phone":"{{fresh}}"}""", BrowserAgent);
        Assert.Equal(0, Err(bound));
        Assert.Equal(fresh, (string?)(await web.Get("/user/personal"))["info"]!["phone"]);

        // Another client with no ticket of the current number cannot do the same.
        var other = api.NewClient();
        await other.SignUp(AccountTestKit.NewPhone());
        var third = AccountTestKit.NewPhone();
        api.Clock.Advance(Mmx.Grains.Accounts.PhoneGrain.ResendAfter);
        Assert.Equal(0, Err(await other.Get($"/basic/phonevalidate/{third}")));
        Assert.Equal(0, Err(await other.Post($"/basic/phonevalidate/{third}", new { code = await other.ReadCodeFromOutbox(third) })));
        Assert.Equal(10, Err(await other.Post("/user/bindphone", new { phone = third })));
    }
}
