using Mmx.Grains.ShopLife;
using Orleans.TestingHost;

namespace Mmx.Tests.ShopLife;

/// <summary>A silo killed in the middle of a follow storm, on a cluster of its own with PostgreSQL storage.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloFailureTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly TwoSiloCluster _cluster = new(postgres.ConnectionString);

    public Task InitializeAsync() => _cluster.InitializeAsync();
    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Fan_lists_and_fan_counts_agree_after_a_silo_dies_mid_way()
    {
        const long b = 30_000_000;
        var grains = _cluster.Client;
        await ShopLifeTestKit.ImportShops(grains, b);
        var users = ShopLifeTestKit.Users(b, 80);
        var random = new Random(7);
        var operations = users.SelectMany(u => Enumerable.Range(0, 10).Select(i => (User: u, Follow: i % 2 == 0 || random.Next(3) == 0)))
            .ToList();
        var failures = 0;

        // Each user's operations run in order, as one phone would send them, retrying what failed
        // (the contract's answer to a dead silo is "retry").
        var storm = Task.WhenAll(users.Select(async u =>
        {
            foreach (var op in operations.Where(o => o.User == u))
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var user = grains.GetGrain<IUserShopsGrain>(u);
                        if (op.Follow) await user.Follow(b + 100); else await user.Unfollow(b + 100);
                        break;
                    }
                    catch (Exception) when (attempt < 200)
                    {
                        Interlocked.Increment(ref failures);
                        await Task.Delay(250);
                    }
                }
                await Task.Delay(random.Next(40, 80));
            }
        }));
        await Task.Delay(200);
        Assert.False(storm.IsCompleted);
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.SecondarySilos[0]);
        await storm;

        var holding = 0;
        foreach (var u in users)
        {
            if ((await grains.GetGrain<IUserShopsGrain>(u).FanShops()).Any(f => f.ShopId == b + 100)) holding++;
        }
        var fans = (await ShopLifeTestKit.Counts(grains, b + 100)).Fans;
        Assert.Equal(holding, fans);
        Console.WriteLine($"silo killed mid-storm: {failures} failed calls retried; {holding} users follow, the shop counts {fans}");
    }
}
