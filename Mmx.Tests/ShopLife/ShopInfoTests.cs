using Mmx.Grains.ShopLife;

namespace Mmx.Tests.ShopLife;

/// <summary>Shop info in one call: the shop-life grain's copy of the details and its live counts.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class ShopInfoTests(TwoSiloCluster fixture)
{
    private readonly IClusterClient _grains = fixture.Client;

    [Fact]
    public async Task Info_answers_the_shop_grains_details_with_the_live_counts()
    {
        const long b = 32_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var fan = b * 10 + 1;
        Assert.Equal(Err.Ok, await _grains.GetGrain<IShopLifeGrain>(b + 100).SetFan(fan, messagesOn: true));
        Assert.Equal(Err.Ok, await _grains.GetGrain<IShopLifeGrain>(b + 100).Enter(b * 10 + 2));

        var info = await _grains.GetGrain<IShopLifeGrain>(b + 100).Info(fan).Ok();
        Assert.NotNull(info);
        var details = (await _grains.GetGrain<IShopGrain>(b + 100).GetDetails().Ok());
        // Records holding an ImmutableArray compare it by reference: compare the pictures apart.
        Assert.Equal(details with { Pics = [] }, info.Shop with { Pics = [] });
        Assert.Equal(details.Pics.ToArray(), info.Shop.Pics.ToArray());
        Assert.Equal(new ShopLiveCounts { Fans = 1, Customers = 1, IsFan = true }, info.Counts);
        Assert.False((await _grains.GetGrain<IShopLifeGrain>(b + 100).Info(0).Ok()).Counts.IsFan);
        Assert.Equal(Err.NotFound, (await _grains.GetGrain<IShopLifeGrain>(b + 999).Info(fan)).Err);
    }

    [Fact]
    public async Task A_reimport_reaches_the_copy_in_an_active_shop_life_grain()
    {
        const long b = 33_000_000;
        var doc = await ShopLifeTestKit.ImportShops(_grains, b);
        var shop = _grains.GetGrain<IShopLifeGrain>(b + 101);
        Assert.Equal("Beta T恤", (await shop.Info(0).Ok()).Shop.Name); // active now, holding the old copy

        var renamed = doc.Shops.Single(s => s.Id == b + 101) with { Name = "Beta 新店", Phone = "0755-1234" };
        (await _grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Import(new CatalogueImport { Shops = [renamed] })).Ok();

        var info = (await shop.Info(0).Ok());
        Assert.Equal("Beta 新店", info.Shop.Name);
        Assert.Equal("0755-1234", info.Shop.Phone);
    }
}
