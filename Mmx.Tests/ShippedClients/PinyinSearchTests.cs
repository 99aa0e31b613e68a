using Data = Mmx.Tests.ShippedClients.ShippedClientCatalogue;

namespace Mmx.Tests.ShippedClients;

/// <summary>Shop search as people type it on a phone: full pinyin and pinyin initials, mixed names included.</summary>
public sealed class PinyinSearchTests(PinyinSearchTests.Api api) : IClassFixture<PinyinSearchTests.Api>
{
    public sealed class Api : ApiFactory;

    [Theory]
    [InlineData("youyiku", Data.Uniqlo)]
    [InlineData("YouYiKu", Data.Uniqlo)]
    [InlineData("yyk", Data.Uniqlo)]
    [InlineData("yy", Data.Uniqlo)]
    [InlineData("优衣", Data.Uniqlo)]
    [InlineData("ctgf", Data.TeeWorkshop)]
    [InlineData("chaotgongfang", Data.TeeWorkshop)]
    [InlineData("t工坊", Data.TeeWorkshop)]
    [InlineData("shilidian", Data.Other)]
    public async Task A_shop_is_found_by_its_name_its_pinyin_and_its_initials(string typed, long shop)
    {
        await Data.Import(api);
        var found = await api.NewClient().Get($"/user/shop/search?city={Data.City}&name={Uri.EscapeDataString(typed)}&count=100");
        Assert.Equal(0, (int)found["err"]!);
        Assert.Equal(shop, (long)Assert.Single(found["shopList"]!.AsArray())!["id"]!);
        Assert.Equal(1, (int)found["total_num"]!);
    }

    [Theory]
    [InlineData("youyikuu")]
    [InlineData("ykk")]
    [InlineData("zzz")]
    public async Task Near_misses_find_nothing(string typed)
    {
        await Data.Import(api);
        var found = await api.NewClient().Get($"/user/shop/search?city={Data.City}&name={typed}");
        Assert.Empty(found["shopList"]!.AsArray());
        Assert.Equal(0, (int)found["total_num"]!);
    }

    private const long HeteronymCity = 9702;

    private Task<System.Text.Json.Nodes.JsonNode> ImportHeteronymShops() => api.Import("""
        {"cities": [{"id": 9702, "name": "多音城"}],
         "categories": [{"id": 9750, "name": "服装", "parent": 0}],
         "shops": [
           {"id": 9741, "name": "重庆小面", "city": 9702, "category": 9750, "long": 114, "lat": 22.5},
           {"id": 9742, "name": "招商银行", "city": 9702, "category": 9750, "long": 114, "lat": 22.5},
           {"id": 9743, "name": "厦门鼓浪屿", "city": 9702, "category": 9750, "long": 114, "lat": 22.5},
           {"id": 9744, "name": "长城宽带", "city": 9702, "category": 9750, "long": 114, "lat": 22.5}]}
        """);

    /// <summary>Each common reading of a character of several finds the name, full or by initials.</summary>
    [Theory]
    [InlineData("chongqing", 9741)]
    [InlineData("zhongqing", 9741)]
    [InlineData("cqxm", 9741)]
    [InlineData("zqxm", 9741)]
    [InlineData("qingxiao", 9741)]
    [InlineData("yinhang", 9742)]
    [InlineData("yinxing", 9742)]
    [InlineData("zsyh", 9742)]
    [InlineData("xiamen", 9743)]
    [InlineData("shamen", 9743)]
    [InlineData("xmgly", 9743)]
    [InlineData("changcheng", 9744)]
    [InlineData("zhangcheng", 9744)]
    [InlineData("cckd", 9744)]
    [InlineData("gchengkuan", 9744)]
    public async Task A_name_is_found_by_every_reading_of_its_characters(string typed, long shop)
    {
        Assert.Equal(0, (int)(await ImportHeteronymShops())["err"]!);
        var found = await api.NewClient().Get($"/user/shop/search?city={HeteronymCity}&name={typed}&count=100");
        Assert.Equal(shop, (long)Assert.Single(found["shopList"]!.AsArray())!["id"]!);
    }

    [Theory]
    [InlineData("chongqingg")]
    [InlineData("chongxing")]
    [InlineData("yinghang")]
    [InlineData("xiaxm")]
    public async Task Readings_are_not_mixed_inside_one_syllable(string typed)
    {
        Assert.Equal(0, (int)(await ImportHeteronymShops())["err"]!);
        var found = await api.NewClient().Get($"/user/shop/search?city={HeteronymCity}&name={typed}&count=100");
        Assert.Empty(found["shopList"]!.AsArray());
    }
}
