using System.Collections.Concurrent;
using Mmx.Grains.Accounts;

namespace Mmx.Tests.Accounts;

/// <summary>The hub that tells API fronts about closed sessions (what their session caches rely on).</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class SessionRevocationGrainTests(TwoSiloCluster fixture)
{
    private readonly IClusterClient _grains = fixture.Client;

    /// <summary>A front as the hub sees it: records announcements, or fails them.</summary>
    private sealed class Front(bool fails = false) : ISessionRevocationObserver
    {
        public ConcurrentBag<string> Announced { get; } = [];
        public ConcurrentBag<long> Accounts { get; } = [];

        public Task Revoked(string tokenHash, long accId)
        {
            if (fails) throw new InvalidOperationException("this front is broken");
            Announced.Add(tokenHash);
            Accounts.Add(accId);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Closing_a_session_reaches_every_front_and_a_front_that_failed_is_told_to_start_afresh()
    {
        var hub = _grains.GetGrain<ISessionRevocationGrain>(0);
        var healthy = new Front();
        var broken = new Front(fails: true);
        var healthyRef = _grains.CreateObjectReference<ISessionRevocationObserver>(healthy);
        var brokenRef = _grains.CreateObjectReference<ISessionRevocationObserver>(broken);
        try
        {
            Assert.False(await hub.Subscribe(healthyRef)); // new to the hub
            Assert.True(await hub.Subscribe(healthyRef)); // a renewal
            Assert.False(await hub.Subscribe(brokenRef));

            var tokenHash = $"revocation-test-{Guid.NewGuid():N}";
            var session = _grains.GetGrain<ISessionGrain>(tokenHash);
            var accId = await AccountTestKit.Register(_grains);
            await session.Open(accId);
            Assert.NotNull(await session.Validate());
            await session.Close();

            Assert.Contains(tokenHash, healthy.Announced);
            // With its account: the fronts end the connections the account holds by its password too.
            Assert.Contains(accId, healthy.Accounts);
            Assert.Null(await session.Validate());
            // The broken front missed it and was dropped: its next renewal says so, so it forgets
            // what it remembered; the healthy one is still known.
            Assert.False(await hub.Subscribe(brokenRef));
            Assert.True(await hub.Subscribe(healthyRef));

            // Closing again announces again (a retry after a failure must still reach the fronts).
            await session.Close();
            Assert.Equal(2, healthy.Announced.Count(h => h == tokenHash));
        }
        finally
        {
            await hub.Unsubscribe(healthyRef);
            await hub.Unsubscribe(brokenRef);
            _grains.DeleteObjectReference<ISessionRevocationObserver>(healthyRef);
            _grains.DeleteObjectReference<ISessionRevocationObserver>(brokenRef);
            // The client holds observers weakly: without these, an optimised build may collect
            // `broken` (never read after its reference is made) before the references are deleted.
            GC.KeepAlive(healthy);
            GC.KeepAlive(broken);
        }
    }
}
