using Mmx.Grains.Messages;
using Mmx.Grains.ShopLife;
using Mmx.Tests.ShopLife;

namespace Mmx.Tests.Messages;

/// <summary>
/// A shop's message to 3,000 fans while a silo dies, on a two-silo cluster of its own with
/// PostgreSQL storage (memory storage would die with the silo). Enough fans that the fan-out runs
/// in many batches and the kill lands mid-way; the 10,000-fan scale is the benchmark's to measure
/// (it made this one test take over two minutes of the suite's two cores).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FanOutFailureTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly TwoSiloCluster _cluster = new(postgres.ConnectionString);

    public Task InitializeAsync() => _cluster.InitializeAsync();
    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Every_enabled_fan_gets_the_message_exactly_once_when_a_silo_dies_mid_way()
    {
        const long b = 31_000_000;
        const long shop = b + 100;
        var grains = _cluster.Client;
        await ShopLifeTestKit.ImportShops(grains, b);
        var users = ShopLifeTestKit.Users(b, 3_000);
        // Every fifth fan switched the shop's messages off; another shop's setting changes nothing here.
        var muted = users.Where((_, i) => i % 5 == 0).ToHashSet();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (u, _) =>
        {
            var fan = grains.GetGrain<IUserShopsGrain>(u);
            Assert.Equal(Err.Ok, await fan.Follow(shop));
            if (muted.Contains(u)) Assert.Equal(Err.Ok, await fan.SetMessages(shop, false));
        });

        var published = (await grains.GetGrain<IShopMessagesGrain>(shop).Publish(MessageTestKit.Draft())).Ok();
        Assert.Equal(users.Length - muted.Count, published.Fans);

        // Mid-way: some inboxes have it, not all.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await grains.GetGrain<IFanOutGrain>(published.MsgId).Progress()).Delivered < 300)
        {
            Assert.True(DateTime.UtcNow < deadline, "the fan-out did not start");
            await Task.Delay(20);
        }
        var before = await grains.GetGrain<IFanOutGrain>(published.MsgId).Progress();
        Assert.False(before.Done);
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.SecondarySilos[0]);

        var after = await MessageTestKit.Finished(grains, published.MsgId, seconds: 120);
        Assert.Equal(published.Fans, after.Delivered);

        var wrong = new List<string>();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (u, _) =>
        {
            var page = await Retried(() => grains.GetGrain<IInboxGrain>(u).Page(0, 10));
            var expected = muted.Contains(u) ? 0 : 1;
            if (page.Total != expected || page.Unread != expected || page.Items.Any(i => i.Message.MsgId != published.MsgId))
            {
                lock (wrong) wrong.Add($"{u}: {page.Total} messages");
            }
        });
        Assert.True(wrong.Count == 0, $"{wrong.Count} inboxes are wrong, e.g. {string.Join(", ", wrong.Take(5))}");
        Console.WriteLine($"fan-out to {published.Fans} fans: {before.Delivered} delivered when the silo was killed, all {after.Delivered} after");
    }

    private static async Task<T> Retried<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (attempt < 100)
            {
                await Task.Delay(250);
            }
        }
    }
}
