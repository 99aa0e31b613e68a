using Mmx.Grains.ShopLife;

namespace Mmx.Tests.ShopLife;

/// <summary>Live customers on the two-silo cluster.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class PresenceTests(TwoSiloCluster fixture)
{
    private readonly IClusterClient _grains = fixture.Client;
    private Task<ShopLiveCounts> Counts(long shop) => ShopLifeTestKit.Counts(_grains, shop);
    private IUserShopsGrain User(long accId) => _grains.GetGrain<IUserShopsGrain>(accId);

    [Fact]
    public async Task Two_hundred_concurrent_enters_count_two_hundred_and_exits_count_down()
    {
        const long b = 20_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var users = ShopLifeTestKit.Users(b, 200);

        var entered = await Task.WhenAll(users.Select(u => User(u).Enter(b + 100)));
        Assert.All(entered, e => Assert.Equal(Err.Ok, e));
        Assert.Equal(200, (await Counts(b + 100)).Customers);

        // Entering again changes nothing.
        await Task.WhenAll(users.Take(50).Select(u => User(u).Enter(b + 100)));
        Assert.Equal(200, (await Counts(b + 100)).Customers);

        await Task.WhenAll(users.Take(100).Select(u => User(u).Exit(b + 100)));
        Assert.Equal(100, (await Counts(b + 100)).Customers);
        // Exiting twice changes nothing either.
        await Task.WhenAll(users.Take(100).Select(u => User(u).Exit(b + 100)));
        Assert.Equal(100, (await Counts(b + 100)).Customers);

        // One shop at a time: entering another shop moves the user.
        await User(users[150]).Enter(b + 101);
        Assert.Equal(99, (await Counts(b + 100)).Customers);
        Assert.Equal(1, (await Counts(b + 101)).Customers);
    }

    [Fact]
    public async Task Ten_minutes_of_silence_end_presence_until_the_user_is_heard_again()
    {
        const long b = 21_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var (quiet, polling) = (b * 10 + 1, b * 10 + 2);
        await User(quiet).Enter(b + 100);
        await User(polling).Enter(b + 100);
        var shop = _grains.GetGrain<IShopLifeGrain>(b + 100);

        for (var i = 0; i < 4; i++)
        {
            TestClock.Instance.Advance(TimeSpan.FromMinutes(3));
            Assert.True((await shop.Poll(polling)).IsOk);
        }
        // 12 minutes on: the quiet user is gone, the polling one still counted.
        Assert.Equal(1, await shop.Poll(polling).Ok());

        TestClock.Instance.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await Counts(b + 100)).Customers);
        // A poll after the lapse counts the user again (the shop is still the last they entered) ...
        Assert.Equal(1, await shop.Poll(polling).Ok());
        // ... but not after they left it.
        Assert.Equal(Err.Ok, await User(polling).Exit(b + 100));
        Assert.Equal(0, await shop.Poll(polling).Ok());
        // The quiet user, lapsed long ago but never gone elsewhere, is counted again by their own poll.
        Assert.Equal(1, await shop.Poll(quiet).Ok());
        Assert.Equal(Err.NotFound, (await _grains.GetGrain<IShopLifeGrain>(b + 999).Poll(polling)).Err);
    }

    [Fact]
    public async Task Unknown_shops_cannot_be_entered()
    {
        const long b = 22_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        Assert.Equal(Err.NotFound, await User(b * 10 + 1).Enter(b + 999));
        Assert.Equal(0, (await User(b * 10 + 1).Count()).Visited);
    }

    [Fact]
    public async Task Visits_page_both_ways_around_a_time()
    {
        const long b = 23_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var user = User(b * 10 + 1);
        var times = new List<long>();
        foreach (var shop in new[] { b + 100, b + 101, b + 102, b + 103 })
        {
            TestClock.Instance.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(Err.Ok, await user.Enter(shop));
            times.Add(TestClock.Instance.GetUtcNow().ToUnixTimeSeconds());
        }
        // A revisit moves the shop to the front without repeating it.
        TestClock.Instance.Advance(TimeSpan.FromMinutes(1));
        await user.Enter(b + 100);
        var revisit = TestClock.Instance.GetUtcNow().ToUnixTimeSeconds();

        var newest = await user.Visits(0, 1, 2);
        Assert.Equal([b + 100, b + 103], newest.Select(v => v.ShopId));
        Assert.Equal(revisit, newest[0].Time);
        var older = await user.Visits(newest[^1].Time, 1, 10);
        Assert.Equal([b + 102, b + 101], older.Select(v => v.ShopId));
        var newer = await user.Visits(times[1], 2, 10);
        Assert.Equal([b + 100, b + 103, b + 102], newer.Select(v => v.ShopId));
        var justAfter = await user.Visits(times[1], 2, 1);
        Assert.Equal([b + 102], justAfter.Select(v => v.ShopId));
        Assert.Equal(4, (await user.Count()).Visited);
    }

    [Fact]
    public async Task Listings_show_live_counts_within_seconds()
    {
        const long b = 24_000_000;
        await ShopLifeTestKit.ImportShops(_grains, b);
        var users = ShopLifeTestKit.Users(b, 3);
        await Task.WhenAll(users.Select(u => User(u).Enter(b + 102)));
        await Task.WhenAll(users.Take(2).Select(u => User(u).Follow(b + 103)));

        var city = _grains.GetGrain<ICityDirectoryGrain>(b + 1);
        await ShopLifeTestKit.Eventually(async () =>
        {
            var page = await city.ListShops(new ShopQuery()).Ok();
            var gamma = page!.Items.Single(s => s.Id == b + 102);
            var outlet = page.Items.Single(s => s.Id == b + 103);
            return gamma.Customers == 3 && outlet.Fans == 2;
        }, "the directory lists 3 customers and 2 fans");

        // Without a position shops are listed by fans, highest first.
        var byFans = await city.ListShops(new ShopQuery()).Ok();
        Assert.Equal(b + 103, byFans!.Items[0].Id);
    }
}
