using Mmx.Grains.ShopLife;
using Orleans.Runtime;

namespace Mmx.Tests.ShopLife;

/// <summary>Fan shops and favourite goods on the two-silo cluster.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class FansTests(TwoSiloCluster fixture)
{
    private readonly IClusterClient _grains = fixture.Client;
    private IUserShopsGrain User(long accId) => _grains.GetGrain<IUserShopsGrain>(accId);

    [Fact]
    public async Task Following_twice_counts_once_and_unknown_shops_are_not_found()
    {
        const long b = 25_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var user = User(b * 10 + 1);

        Assert.Equal(Err.Ok, await user.Follow(b + 100));
        Assert.Equal(Err.Ok, await user.Follow(b + 100));
        var counts = await ShopLifeTestKit.Counts(_grains, b + 100, b * 10 + 1);
        Assert.Equal(1, counts.Fans);
        Assert.True(counts.IsFan);
        Assert.Equal([b + 100], (await user.FanShops()).Select(f => f.ShopId));

        await user.Unfollow(b + 100);
        await user.Unfollow(b + 100);
        Assert.Equal(0, (await ShopLifeTestKit.Counts(_grains, b + 100)).Fans);
    }

    [Fact]
    public async Task A_follow_and_unfollow_storm_leaves_the_count_equal_to_the_lists()
    {
        const long b = 26_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var users = ShopLifeTestKit.Users(b, 60);
        var random = new Random(42);
        var operations = users.SelectMany(u => Enumerable.Range(0, 5).Select(_ => (User: u, Follow: random.Next(2) == 0)))
            .OrderBy(_ => random.Next()).ToList();

        await Task.WhenAll(operations.Select(op => op.Follow ? User(op.User).Follow(b + 100) : User(op.User).Unfollow(b + 100)));

        var holding = 0;
        foreach (var u in users)
        {
            if ((await User(u).FanShops()).Any(f => f.ShopId == b + 100)) holding++;
        }
        Assert.Equal(holding, (await ShopLifeTestKit.Counts(_grains, b + 100)).Fans);
        Assert.InRange(holding, 1, users.Length - 1);
    }

    [Fact]
    public async Task Message_settings_for_one_shop_or_all()
    {
        const long b = 27_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var user = User(b * 10 + 1);
        await user.Follow(b + 100);
        await user.Follow(b + 101);

        Assert.Equal(Err.Ok, await user.SetMessages(b + 100, false));
        Assert.Equal([true, false], (await user.FanShops()).OrderByDescending(f => f.ShopId).Select(f => f.MessagesOn));
        Assert.Equal(Err.Ok, await user.SetMessages(-1, false));
        Assert.All(await user.FanShops(), f => Assert.False(f.MessagesOn));
        Assert.Equal(Err.NotFound, await user.SetMessages(b + 102, true));
    }

    [Fact]
    public async Task Favourites_keep_off_shelf_goods()
    {
        const long b = 28_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var user = User(b * 10 + 1);

        Assert.Equal(Err.Ok, await user.Favorite(b + 1000));
        Assert.Equal(Err.Ok, await user.Favorite(b + 1002)); // off the shelf, still saveable
        Assert.Equal(Err.Ok, await user.Favorite(b + 1000));
        Assert.Equal(2, (await user.Count()).Favorite);

        await user.Unfavorite(b + 1000);
        Assert.Equal([b + 1002], (await user.Favorites()).Select(f => f.GoodsId));
    }

    [Fact]
    public async Task Lists_are_read_back_from_storage_after_every_grain_was_deactivated()
    {
        const long b = 31_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var user = User(b * 10 + 1);
        await user.Follow(b + 101);
        await user.Favorite(b + 1003);
        await user.Enter(b + 102);

        await _grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal([b + 101], (await user.FanShops()).Select(f => f.ShopId));
        Assert.Equal([b + 1003], (await user.Favorites()).Select(f => f.GoodsId));
        Assert.Equal([b + 102], (await user.Visits(0, 1, 10)).Select(v => v.ShopId));
        Assert.Equal(1, (await ShopLifeTestKit.Counts(_grains, b + 101)).Fans);
        Assert.Equal("Beta T恤", (await _grains.GetGrain<IShopGrain>(b + 101).GetDetails().Ok()).Name);
    }

    [Fact]
    public async Task News_flags_follow_activities_and_new_goods()
    {
        const long b = 29_000_000;
        var doc = await ShopLifeTestKit.ImportShops(_grains, b);
        var now = TestClock.Instance.GetUtcNow();
        var fresh = SampleCatalogue.Goods(b + 1100, b + 102, time: now.AddDays(-1).ToUnixTimeSeconds());
        var old = SampleCatalogue.Goods(b + 1101, b + 101, time: now.AddDays(-8).ToUnixTimeSeconds());
        (await _grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Import(new CatalogueImport { Goods = [fresh, old] })).Ok();

        var alpha = await _grains.GetGrain<IShopGrain>(b + 100).News().Ok();   // a valid activity, old goods
        var beta = await _grains.GetGrain<IShopGrain>(b + 101).News().Ok();    // a one-day activity (today), 8-day-old goods
        var gamma = await _grains.GetGrain<IShopGrain>(b + 102).News().Ok();   // no activity, goods of yesterday
        Assert.Equal((true, false), (alpha!.HasAct, alpha.HasNew));
        Assert.Equal((true, false), (beta!.HasAct, beta.HasNew));
        Assert.Equal((false, true), (gamma!.HasAct, gamma.HasNew));
        Assert.Equal(Err.NotFound, (await _grains.GetGrain<IShopGrain>(b + 999).News()).Err);

        TestClock.Instance.Advance(TimeSpan.FromDays(7));
        var later = await _grains.GetGrain<IShopGrain>(b + 102).News().Ok();
        Assert.False(later!.HasNew);
    }
}
