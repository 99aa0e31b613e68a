using Mmx.Grains.Social;

namespace Mmx.Tests.Social;

/// <summary>A silo killed in the middle of accepts, on a cluster of its own with PostgreSQL storage.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FriendshipFailureTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly TwoSiloCluster _cluster = new(postgres.ConnectionString);

    public Task InitializeAsync() => _cluster.InitializeAsync();
    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task Friendships_are_whole_after_a_silo_dies_during_accept()
    {
        var grains = _cluster.Client;
        const long b = 50_000_000;
        var pairs = Enumerable.Range(0, 60).Select(i => (Inviter: b + 2 * i, Acceptor: b + 2 * i + 1)).ToList();
        IFriendshipGrain Pair((long Inviter, long Acceptor) p) => grains.GetGrain<IFriendshipGrain>(FriendshipKey.Of(p.Inviter, p.Acceptor));
        await Task.WhenAll(pairs.Select(p => Pair(p).Invite(p.Inviter, p.Acceptor, "")));

        // Half the clients retry a failed accept (as the contract asks), half give up.
        var failures = 0;
        var accepts = Task.WhenAll(pairs.Select(async (p, i) =>
        {
            await Task.Delay(i * 15);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await Pair(p).Accept(p.Acceptor, p.Inviter);
                    return;
                }
                catch (Exception) when (i % 2 == 0 && attempt < 200)
                {
                    Interlocked.Increment(ref failures);
                    await Task.Delay(250);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                    return;
                }
            }
        }));
        await Task.Delay(300);
        Assert.False(accepts.IsCompleted);
        await _cluster.Cluster.KillSiloAsync(_cluster.Cluster.SecondarySilos[0]);
        await accepts;

        var whole = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            var (inviter, acceptor) = pairs[i];
            var aListsB = await Lists(grains, inviter, acceptor);
            var bListsA = await Lists(grains, acceptor, inviter);
            var status = await Pair(pairs[i]).Status();
            // Two-sided whatever happened: both list each other exactly when the pair says friends.
            Assert.Equal(aListsB, bListsA);
            Assert.Equal(status is FriendshipStatus.Friends or FriendshipStatus.Unfriending, aListsB);
            if (i % 2 == 0) Assert.True(aListsB, $"retried pair {i} is not friends");
            if (aListsB) whole++;
        }
        Console.WriteLine($"silo killed during accepts: {failures} failed calls; {whole} of {pairs.Count} pairs friends, every pair two-sided");
    }

    private static async Task<bool> Lists(IGrainFactory grains, long who, long whom)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (await grains.GetGrain<IUserSocialGrain>(who).Friends()).Any(f => f.FriendId == whom);
            }
            catch (Exception) when (attempt < 100)
            {
                await Task.Delay(250);
            }
        }
    }
}
