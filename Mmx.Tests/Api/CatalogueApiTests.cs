using System.Text;
using System.Text.Json.Nodes;

namespace Mmx.Tests.Api;

/// <summary>The catalogue routes over HTTP against the embedded API (co-hosted silo, demo data loaded).</summary>
public sealed class CatalogueApiTests(CatalogueApiTests.Api api) : IClassFixture<CatalogueApiTests.Api>
{
    public sealed class Api : ApiFactory;

    // The contract's example document, with this test's own ids.
    private const string ContractExample = """
    {
      "cities":     [{"id": 9001, "name": "深圳测试"}],
      "categories": [{"id": 9100, "name": "女装", "pic": "https://img.test/1.png", "parent": 0},
                     {"id": 9111, "name": "连衣裙", "pic": "https://img.test/11.png", "parent": 9100}],
      "shops":      [{"id": 9201, "name": "示例店", "city": 9001, "category": 9111, "pics": ["https://img.test/s.png"],
                      "address": "南山区", "long": 113.93, "lat": 22.53, "hours": "09:00-22:00",
                      "phone": "0755-8888888", "intro": "介绍", "recommend": true, "dec": "推荐词"}],
      "goods":      [{"id": 9301, "shop": 9201, "desp": "连衣裙", "price": 199.0, "promot": 159.0,
                      "pics": ["https://img.test/g.png"], "basic": [{"key": "款式", "value": "宽松"}],
                      "barcode": "xd9124784", "time": 1465589785, "status": 1}],
      "activities": [{"id": 9401, "shop": 9201, "title": "满减", "content": "全场",
                      "bt": "2015-01-01", "et": "2099-01-31"}],
      "versions":   [{"sys": 7, "version": "2.3.0", "time": 1465589785, "remark": "修复",
                      "packet": "https://dl.test/mmx.apk"}]
    }
    """;

    private async Task EnsureImported()
    {
        var answer = await api.Import(ContractExample);
        Assert.Equal(0, (int)answer["err"]!);
        Assert.Equal(1, (int)answer["imported"]!["shops"]!);
    }

    [Fact]
    public async Task Demo_catalogue_is_loaded_at_start()
    {
        var cities = await api.GetJson("/user/city");
        Assert.Equal(0, (int)cities["err"]!);
        Assert.Contains(cities["cityList"]!.AsArray(), c => (string?)c!["name"] == "深圳");
        var shops = await api.GetJson("/user/shop?city=1&count=50");
        Assert.True(shops["shopList"]!.AsArray().Count >= 10);
    }

    [Fact]
    public async Task Imported_document_reads_back_through_every_route_with_the_specs_field_names()
    {
        await EnsureImported();

        var city = Assert.Single((await api.GetJson("/user/city"))["cityList"]!.AsArray(), c => (long)c!["id"]! == 9001);
        Assert.Equal("深圳测试", (string?)city!["name"]);

        var category = Assert.Single((await api.GetJson("/user/category"))["categoryList"]!.AsArray(), c => (long)c!["id"]! == 9100);
        Assert.Equal(9111, (long)category!["child"]![0]!["id"]!);
        Assert.Equal("https://img.test/11.png", (string?)category["child"]![0]!["pic"]);

        var recommend = (await api.GetJson("/user/shop/recommend?city=9001"))["shopList"]![0]!;
        AssertFields(recommend, "id", "name", "pic", "dec");
        Assert.Equal("推荐词", (string?)recommend["dec"]);

        var listed = (await api.GetJson("/user/shop?category=9100&city=9001&long=113.94&lat=22.53&offset=0&count=5"))["shopList"]![0]!;
        AssertFields(listed, "id", "name", "picList", "distance", "fans", "customers");
        Assert.Equal(1.03, (double)listed["distance"]!);
        Assert.Equal(0, (long)listed["fans"]!);

        var found = (await api.GetJson("/user/shop/search?name=示例&city=9001"))["shopList"]!.AsArray();
        Assert.Equal(9201, (long)Assert.Single(found)!["id"]!);

        Assert.Equal("示例店", (string?)(await api.GetJson("/user/shop/name?sid=9201"))["shopName"]);

        var info = (await api.GetJson("/user/shop/info?sid=9201"))["info"]!;
        AssertFields(info, "id", "name", "fans", "customers", "isFans", "picList", "address", "long", "lat", "hours", "phone", "intro");
        Assert.Equal(113.93, (double)info["long"]!);

        var goods = (await api.GetJson("/user/goods?sid=9201&offset=0&count=5"))["goodsList"]![0]!;
        AssertFields(goods, "id", "price", "promot", "pic", "time");
        Assert.Equal(159.0m, (decimal)goods["promot"]!);

        foreach (var query in new[] { "gid=9301", "barcode=xd9124784" })
        {
            var item = (await api.GetJson($"/user/goods/info?{query}"))["info"]!;
            AssertFields(item, "id", "shop_id", "desp", "price", "promot", "picList", "basic");
            Assert.Equal(9201, (long)item["shop_id"]!);
            Assert.Equal("宽松", (string?)item["basic"]![0]!["value"]);
        }

        var shopActivity = (await api.GetJson("/user/shop/activity?sid=9201"))["actList"]![0]!;
        AssertFields(shopActivity, "id", "title", "content", "bt", "et");
        Assert.Equal("2015-01-01", (string?)shopActivity["bt"]);

        var cityActivity = (await api.GetJson("/user/activity?city=9001&offset=0&count=5"))["actList"]![0]!;
        AssertFields(cityActivity, "actID", "title", "content", "bt", "et", "shopID", "shopName", "shopPic");

        var one = await api.GetJson("/userweb/activity/9401");
        AssertFields(one, "err", "actID", "title", "content", "bt", "et", "shopID", "shopName", "shopPic");
        Assert.Equal("示例店", (string?)one["shopName"]);

        var shopGoods = await api.GetJson("/userweb/shopgoods/9201");
        Assert.Equal(1, (int)shopGoods["total_num"]!);
        var shop = shopGoods["shops"]![0]!;
        AssertFields(shop, "shop_id", "shop_name", "goods");
        AssertFields(shop["goods"]![0]!, "id", "desp", "price", "promot", "picList", "basic", "status");

        var version = await api.GetJson("/user/version?sys=7");
        AssertFields(version, "err", "version", "time", "remark", "packet");
        Assert.Equal("2.3.0", (string?)version["version"]);
    }

    [Theory]
    [InlineData("/user/shop?city=abc", 1)]
    [InlineData("/user/shop", 1)]
    [InlineData("/user/shop?city=1&count=0", 1)]
    [InlineData("/user/shop?city=1&count=101", 1)]
    [InlineData("/user/shop?city=1&offset=-1", 1)]
    [InlineData("/user/shop?city=1&long=113.9", 1)]
    [InlineData("/user/shop?city=1&long=200&lat=22", 1)]
    [InlineData("/user/shop?city=1&city=2", 1)]
    [InlineData("/user/shop?city=99999999999999999999", 1)]
    [InlineData("/user/shop?city=424242", 4)]
    [InlineData("/user/shop?city=1&category=424242", 4)]
    [InlineData("/user/shop/search?city=1&name=a&name=b", 1)]
    [InlineData("/user/shop/info?sid=424242", 4)]
    [InlineData("/user/shop/name?sid=0", 1)]
    [InlineData("/user/goods?sid=424242", 4)]
    [InlineData("/user/goods/info", 1)]
    [InlineData("/user/goods/info?gid=424242", 4)]
    [InlineData("/user/goods/info?barcode=nope-424242", 4)]
    [InlineData("/user/shop/activity?sid=424242", 4)]
    [InlineData("/user/activity?city=424242", 4)]
    [InlineData("/userweb/activity/424242", 4)]
    [InlineData("/userweb/activity/x", 1)]
    [InlineData("/userweb/shopgoods/1,x", 1)]
    [InlineData("/userweb/shopgoods/424242", 4)]
    [InlineData("/user/version?sys=0", 1)]
    [InlineData("/user/version?sys=98", 4)]
    [InlineData("/no/such/route", 1)]
    public async Task Bad_input_gets_the_contracts_err_as_json(string url, int err)
    {
        var answer = await api.GetJson(url);
        Assert.Equal(err, (int)answer["err"]!);
        Assert.False(string.IsNullOrEmpty((string?)answer["msg"]));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"cities":[{"id":9501,"name":"x"}],"shops":[{"id":"9502"}]}""")]
    [InlineData("""{"cities":[{"id":9501,"name":"x"},{"id":9501,"name":"y"}]}""")]
    [InlineData("""{"cities":[{"id":9501,"name":"x","name":"y"}]}""")]
    [InlineData("""{"cities":[{"id":9501,"name":""}]}""")]
    [InlineData("""{"cities":[{"id":9501,"name":"a\u0000b"}]}""")]
    [InlineData("""{"cities":[{"id":9501,"name":"x"}],"shops":[{"id":9502,"name":"s","city":9501,"category":9100,"long":113,"lat":95}]}""")]
    [InlineData("""{"cities":[{"id":9501,"name":"x"}],"activities":[{"id":9503,"shop":9201,"title":"t","bt":"2015-13-01","et":"2015-01-31"}]}""")]
    [InlineData("""{"cities":[{"id":9501,"name":"x"}],"goods":[{"id":9504,"shop":9201,"price":-1,"time":1}]}""")]
    [InlineData("""{"cities":[{"id":9501,"name":"x"}],"shops":[{"id":9502,"name":"s","city":9501,"category":9100,"long":113,"lat":22,"pics":["file:///etc/passwd"]}]}""")]
    public async Task A_bad_import_is_err_1_and_imports_nothing(string json)
    {
        var answer = await api.Import(json);

        Assert.Equal(1, (int)answer["err"]!);
        var cities = (await api.GetJson("/user/city"))["cityList"]!.AsArray();
        Assert.DoesNotContain(cities, c => (long)c!["id"]! == 9501);
    }

    [Fact]
    public async Task Import_needs_the_admin_key()
    {
        const string doc = """{"cities":[{"id":9601,"name":"nokey"}]}""";
        Assert.Equal(3, (int)(await api.Import(doc, adminKey: null))["err"]!);
        Assert.Equal(3, (int)(await api.Import(doc, adminKey: "wrong-key-0123456789"))["err"]!);
        var cities = (await api.GetJson("/user/city"))["cityList"]!.AsArray();
        Assert.DoesNotContain(cities, c => (long)c!["id"]! == 9601);
    }

    [Fact]
    public async Task Wrong_method_and_oversized_bodies_answer_json()
    {
        using var client = api.CreateClient();
        using var wrongMethod = await client.PostAsync("/user/city", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(1, (int)(await ApiFactory.ReadJson(wrongMethod))["err"]!);

        var huge = "{\"cities\":[{\"id\":9701,\"name\":\"" + new string('x', 70 * 1024 * 1024) + "\"}]}";
        var answer = await api.Import(huge);
        Assert.Equal(1, (int)answer["err"]!);
    }

    private static void AssertFields(JsonNode node, params string[] names)
    {
        var obj = node.AsObject();
        foreach (var name in names) Assert.True(obj.ContainsKey(name), $"missing field {name} in {obj.ToJsonString()}");
    }
}
