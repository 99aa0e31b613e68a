using Mmx.Grains.Common;
using Mmx.Grains.Operations;

namespace Mmx.Api.Operations;

/// <summary>
/// This front's copy of the dashboard sign-in counters (<see cref="IDashboardSignInsGrain"/>), read
/// again at most every <see cref="CacheFor"/> for checking cookies: the dashboard polls several
/// times a second, and a revocation made on another front reaches this one within that time (at
/// once on this one). A sign-in reads them fresh, so its cookie is never born revoked.
/// </summary>
public sealed class DashboardRevocations(IGrainFactory grains, [FromKeyedServices(MmxClock.Key)] TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(DateTimeOffset Read, ImmutableDictionary<string, long> Epochs);

    /// <summary>The counters a new cookie of <paramref name="operatorName"/> carries: its own and everyone's.</summary>
    public async Task<(long Own, long Everyone)> Current(string operatorName) => Of(await Refresh(), operatorName);

    public async Task<bool> IsRevoked(string operatorName, (long Own, long Everyone) carried)
    {
        var snapshot = _snapshot;
        var epochs = snapshot is not null && time.GetUtcNow() - snapshot.Read < CacheFor ? snapshot.Epochs : await Refresh();
        return Of(epochs, operatorName) != carried;
    }

    public async Task Revoke(string? operatorName)
    {
        await Hub.Revoke(operatorName);
        _snapshot = null;
    }

    private async Task<ImmutableDictionary<string, long>> Refresh()
    {
        var epochs = await Hub.Epochs();
        _snapshot = new Snapshot(time.GetUtcNow(), epochs);
        return epochs;
    }

    private static (long, long) Of(ImmutableDictionary<string, long> epochs, string operatorName) =>
        (epochs.GetValueOrDefault(operatorName), epochs.GetValueOrDefault(IDashboardSignInsGrain.Everyone));

    private IDashboardSignInsGrain Hub => grains.GetGrain<IDashboardSignInsGrain>(0);
}
