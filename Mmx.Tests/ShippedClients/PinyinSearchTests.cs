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
}
