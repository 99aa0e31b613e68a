using Mmx.Grains.Common;

namespace Mmx.Tests.Catalogue;

/// <summary>The catalogue grains on a two-silo TestingHost cluster; each test imports under its own ids.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class CatalogueGrainTests(TwoSiloCluster fixture)
{
    private readonly IClusterClient _grains = fixture.Client;
    private static DateOnly Today => ShanghaiCalendar.Today(TestClock.Instance);

    private ICatalogueGrain Catalogue => _grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key);

    private async Task<CatalogueImport> Imported(long b)
    {
        var doc = SampleCatalogue.Build(b, Today);
        var result = await Catalogue.Import(doc);
        Assert.Equal(4, result.Ok().Shops);
        return doc;
    }

    [Fact]
    public async Task Import_is_readable_through_every_catalogue_grain()
    {
        const long b = 1_000_000;
        await Imported(b);

        Assert.Contains(await Catalogue.GetCities(), c => c.Id == b + 1 && c.Name == "深圳");
        var women = Assert.Single(await Catalogue.GetCategoryTree(), n => n.Id == b + 10);
        Assert.Equal([b + 11, b + 12], women.Children.Select(c => c.Id));
        Assert.Equal("2.3.0", (await Catalogue.GetVersion(1).Ok()).Version);

        var details = await _grains.GetGrain<IShopGrain>(b + 100).GetDetails().Ok();
        Assert.Equal("Alpha 连衣裙", details!.Name);
        Assert.Equal(Err.NotFound, (await _grains.GetGrain<IShopGrain>(b + 999).GetDetails()).Err);

        // On-sale goods only, newest first.
        var goods = (await _grains.GetGrain<IShopGrain>(b + 100).ListGoods(0, 10).Ok());
        Assert.Equal([b + 1001, b + 1000], goods.Items.Select(g => g.Id));
        Assert.Equal(159.0m, goods.Items[0].Promot);
        // The off-shelf item is still found by id, with its status.
        Assert.Equal(0, (await _grains.GetGrain<IShopGrain>(b + 100).FindGoods(b + 1002).Ok()).Status);
        var index = await _grains.GetGrain<IGoodsIndexGrain>(CatalogueShards.OfGoods(b + 1003)).Find([b + 1003]);
        Assert.Equal(b + 101, index[b + 1003]);
        var barcode = $"bc{b}-2";
        Assert.Equal(b + 1001, (await _grains.GetGrain<IBarcodeIndexGrain>(CatalogueShards.OfBarcode(barcode)).Find([barcode]))[barcode]);
    }

    [Fact]
    public async Task City_listing_widens_parent_categories_sorts_by_distance_and_pages()
    {
        const long b = 2_000_000;
        await Imported(b);
        var city = _grains.GetGrain<ICityDirectoryGrain>(b + 1);

        var women = await city.ListShops(new ShopQuery { Category = b + 10 }).Ok();
        Assert.Equal([b + 100, b + 101], women!.Items.Select(s => s.Id));
        var dresses = await city.ListShops(new ShopQuery { Category = b + 11 }).Ok();
        Assert.Equal([b + 100], dresses!.Items.Select(s => s.Id));

        // From a point next to Gamma: Gamma, then Alpha (about 70 m further), Beta, the outlet.
        var near = await city.ListShops(new ShopQuery { Long = 113.9371, Lat = 22.5176 }).Ok();
        Assert.Equal([b + 102, b + 100, b + 101, b + 103], near!.Items.Select(s => s.Id));
        Assert.True(near.Items[0].Distance < near.Items[1].Distance);
        var expected = Math.Round(Geo.HaversineKm(113.9371, 22.5176, 114.0553, 22.5358), 2);
        Assert.Equal(expected, near.Items[3].Distance);
        Assert.InRange(expected, 12, 13);

        var page = await city.ListShops(new ShopQuery { Long = 113.9371, Lat = 22.5176, Offset = 1, Count = 2 }).Ok();
        Assert.Equal([b + 100, b + 101], page!.Items.Select(s => s.Id));
        Assert.Equal(4, page.Total);

        var noPosition = await city.ListShops(new ShopQuery()).Ok();
        Assert.All(noPosition!.Items, s => Assert.Equal(-1, s.Distance));

        var search = await city.ListShops(new ShopQuery { Name = "ALPHA" }).Ok();
        Assert.Equal([b + 100, b + 103], search!.Items.Select(s => s.Id));

        Assert.Equal([b + 100, b + 102], (await city.Recommended().Ok()).Select(s => s.Id));
        Assert.Equal(Err.NotFound, (await city.ListShops(new ShopQuery { Category = b + 99 })).Err);
        Assert.Equal(Err.NotFound, (await _grains.GetGrain<ICityDirectoryGrain>(b + 77).ListShops(new ShopQuery())).Err);
        // A city without shops exists all the same: empty, not unknown.
        Assert.Empty((await _grains.GetGrain<ICityDirectoryGrain>(b + 2).ListShops(new ShopQuery()).Ok()).Items);
    }

    [Fact]
    public async Task Activities_are_listed_only_while_valid_by_the_clock()
    {
        const long b = 3_000_000;
        await Imported(b);

        Assert.Equal([b + 500], (await _grains.GetGrain<IShopGrain>(b + 100).ValidActivities()).Select(a => a.Id));
        var cityPage = await _grains.GetGrain<ICityDirectoryGrain>(b + 1).ListActivities(0, 10).Ok();
        // Newest start first: the one-day activity (starts today) before the fortnight-old one.
        Assert.Equal([b + 502, b + 500], cityPage!.Items.Select(a => a.Id));
        Assert.Equal("Beta T恤", cityPage.Items[0].ShopName);

        // An expired activity is not listed but is still found by id.
        var old = await _grains.GetGrain<IShopGrain>(b + 100).FindActivity(b + 501).Ok();
        Assert.Equal("旧活动", old!.Title);
        Assert.Equal(b + 100, await Catalogue.FindActivityShop(b + 501).Ok());

        // The one-day activity ends with the day. The shared clock only moves forward, so later
        // tests date their activities from whatever today is then.
        TestClock.Instance.Advance(TimeSpan.FromDays(1));
        var tomorrow = await _grains.GetGrain<ICityDirectoryGrain>(b + 1).ListActivities(0, 10).Ok();
        Assert.Equal([b + 500], tomorrow!.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task A_bad_document_imports_nothing()
    {
        const long b = 4_000_000;
        var doc = SampleCatalogue.Build(b, Today);
        var bad = doc with { Goods = doc.Goods.Add(SampleCatalogue.Goods(b + 1100, shop: b + 4242, time: 1)) };

        var result = await Catalogue.Import(bad);

        Assert.Equal(Err.BadRequest, result.Err);
        Assert.Contains("goods[4]", result.Message);
        Assert.Contains($"shop {b + 4242}", result.Message);
        Assert.DoesNotContain(await Catalogue.GetCities(), c => c.Id == b + 1);
        Assert.Equal(Err.NotFound, (await _grains.GetGrain<IShopGrain>(b + 100).GetDetails()).Err);
        Assert.Equal(Err.NotFound, (await _grains.GetGrain<ICityDirectoryGrain>(b + 1).ListShops(new ShopQuery())).Err);
    }

    [Theory]
    [InlineData("duplicate-shop")]
    [InlineData("unknown-city")]
    [InlineData("unknown-category")]
    [InlineData("three-levels")]
    [InlineData("duplicate-barcode")]
    public async Task Each_cross_record_rule_rejects_the_document(string rule)
    {
        long b = 5_000_000 + rule.Length * 10_000 + rule[0];
        var doc = SampleCatalogue.Build(b, Today);
        var bad = rule switch
        {
            "duplicate-shop" => doc with { Shops = doc.Shops.Add(doc.Shops[0]) },
            "unknown-city" => doc with { Shops = doc.Shops.SetItem(1, doc.Shops[1] with { City = b + 55 }) },
            "unknown-category" => doc with { Shops = doc.Shops.SetItem(1, doc.Shops[1] with { Category = b + 55 }) },
            "three-levels" => doc with { Categories = doc.Categories.Add(new Category { Id = b + 13, Name = "x", Parent = b + 11 }) },
            "duplicate-barcode" => doc with { Goods = doc.Goods.SetItem(3, doc.Goods[3] with { Barcode = doc.Goods[0].Barcode }) },
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };

        var result = await Catalogue.Import(bad);

        Assert.Equal(Err.BadRequest, result.Err);
        Assert.NotNull(result.Message);
        Assert.Equal(Err.NotFound, (await _grains.GetGrain<IShopGrain>(b + 100).GetDetails()).Err);
    }

    [Fact]
    public async Task Reimport_moves_shops_goods_barcodes_and_activities_cleanly()
    {
        const long b = 6_000_000;
        var doc = await Imported(b);

        // Beta moves to the second city; goods 1000 moves to Beta with a new barcode.
        var moved = new CatalogueImport
        {
            Shops = [doc.Shops[1] with { City = b + 2 }],
            Goods = [doc.Goods[0] with { Shop = b + 101, Barcode = $"bc{b}-new" }],
        };
        (await Catalogue.Import(moved)).Ok();

        var first = await _grains.GetGrain<ICityDirectoryGrain>(b + 1).ListShops(new ShopQuery()).Ok();
        Assert.DoesNotContain(first!.Items, s => s.Id == b + 101);
        var second = await _grains.GetGrain<ICityDirectoryGrain>(b + 2).ListShops(new ShopQuery()).Ok();
        Assert.Equal([b + 101], second!.Items.Select(s => s.Id));

        Assert.Equal([b + 1001], (await _grains.GetGrain<IShopGrain>(b + 100).ListGoods(0, 10).Ok()).Items.Select(g => g.Id));
        Assert.Equal([b + 1000, b + 1003], (await _grains.GetGrain<IShopGrain>(b + 101).ListGoods(0, 10).Ok()).Items.Select(g => g.Id).Order());

        var oldCode = $"bc{b}-1";
        Assert.Empty(await _grains.GetGrain<IBarcodeIndexGrain>(CatalogueShards.OfBarcode(oldCode)).Find([oldCode]));
        var newCode = $"bc{b}-new";
        Assert.Equal(b + 1000, (await _grains.GetGrain<IBarcodeIndexGrain>(CatalogueShards.OfBarcode(newCode)).Find([newCode]))[newCode]);

        // Beta's activity follows it to the new city's directory.
        var secondActs = await _grains.GetGrain<ICityDirectoryGrain>(b + 2).ListActivities(0, 10).Ok();
        Assert.Equal([b + 502], secondActs!.Items.Select(a => a.Id));
        var firstActs = await _grains.GetGrain<ICityDirectoryGrain>(b + 1).ListActivities(0, 10).Ok();
        Assert.DoesNotContain(firstActs!.Items, a => a.Id == b + 502);

        // The freed barcode may now be given to another goods item.
        var reuse = new CatalogueImport { Goods = [doc.Goods[3] with { Barcode = oldCode }] };
        (await Catalogue.Import(reuse)).Ok();
    }

    [Fact]
    public async Task Importing_the_same_document_twice_changes_nothing()
    {
        const long b = 7_000_000;
        var doc = await Imported(b);
        var before = await _grains.GetGrain<ICityDirectoryGrain>(b + 1).ListShops(new ShopQuery { Long = 113.93, Lat = 22.51 }).Ok();

        (await Catalogue.Import(doc)).Ok();

        var after = await _grains.GetGrain<ICityDirectoryGrain>(b + 1).ListShops(new ShopQuery { Long = 113.93, Lat = 22.51 }).Ok();
        static IEnumerable<string> Rows(Page<ShopListItem>? page) =>
            page!.Items.Select(s => $"{s.Id} {s.Name} {string.Join(",", s.Pictures)} {s.Distance}");
        Assert.Equal(Rows(before), Rows(after));
        Assert.Equal([b + 1001, b + 1000], (await _grains.GetGrain<IShopGrain>(b + 100).ListGoods(0, 10).Ok()).Items.Select(g => g.Id));
    }
}
