using Mmx.Tests.ShopLife;
using Mmx.Grains.ShopLife;

namespace Mmx.Tests.Postgres;

/// <summary>Shop life in cluster mode: what must survive a restart of every silo does.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresShopLifeTests(PostgresServer postgres)
{
    [Fact]
    public async Task Fan_lists_favourites_visits_and_fan_counts_survive_a_restart_of_every_silo()
    {
        var clusterId = $"shoplife-{Guid.NewGuid():N}";
        const long b = 40_000_000;
        var users = new[] { b * 10 + 1, b * 10 + 2, b * 10 + 3 };

        await using (var first = await SiloPair.Start(postgres.ConnectionString, clusterId))
        {
            var grains = first.Client;
            var doc = SampleCatalogue.Build(b, Mmx.Grains.Common.ShanghaiCalendar.Today(TimeProvider.System));
            (await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Import(doc)).Ok();
            foreach (var u in users)
            {
                var user = grains.GetGrain<IUserShopsGrain>(u);
                Assert.Equal(Err.Ok, await user.Follow(b + 102));
                Assert.Equal(Err.Ok, await user.Favorite(b + 1001));
                Assert.Equal(Err.Ok, await user.Enter(b + 100));
                Assert.Equal(Err.Ok, await user.Enter(b + 101));
            }
            await grains.GetGrain<IUserShopsGrain>(users[0]).Unfollow(b + 102);
            await grains.GetGrain<IUserShopsGrain>(users[0]).Follow(b + 103);
            // Let the shops push their counts to the directory before the stop.
            await Task.Delay(ShopLifeGrain.PushDelay * 3);
        }

        await using var second = await SiloPair.Start(postgres.ConnectionString, clusterId);
        var after = second.Client;
        Assert.Equal(2, (await ShopLifeTestKit.Counts(after, b + 102)).Fans);
        Assert.Equal(1, (await ShopLifeTestKit.Counts(after, b + 103)).Fans);
        // Presence is deliberately not stored: nobody is in a shop after the restart.
        Assert.Equal(0, (await ShopLifeTestKit.Counts(after, b + 101)).Customers);

        var first0 = after.GetGrain<IUserShopsGrain>(users[0]);
        Assert.Equal([b + 103], (await first0.FanShops()).Select(f => f.ShopId));
        Assert.Equal([b + 1001], (await first0.Favorites()).Select(f => f.GoodsId));
        Assert.Equal([b + 101, b + 100], (await first0.Visits(0, 1, 10)).Select(v => v.ShopId));
        Assert.Equal(new FfvCount { Fans = 1, Favorite = 1, Visited = 2 }, await after.GetGrain<IUserShopsGrain>(users[1]).Count());

        var listing = await after.GetGrain<ICityDirectoryGrain>(b + 1).ListShops(new ShopQuery()).Ok();
        Assert.Equal(2, listing!.Items.Single(s => s.Id == b + 102).Fans);
    }
}
