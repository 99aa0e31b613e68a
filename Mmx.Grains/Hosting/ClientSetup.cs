using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Mmx.Grains;

/// <summary>The Orleans client configuration of cluster mode, used by Mmx.Api and the tests.</summary>
public static class ClientSetup
{
    /// <summary>How long an API front waits for a grain call's answer.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    /// <param name="traced">Whether this process exports traces (<see cref="Tracing.Enabled"/>): only then do its calls carry them.</param>
    public static IClientBuilder AddMmxClient(this IClientBuilder client, ClusterSettings settings, bool traced = false)
    {
        if (!settings.IsCluster) throw new InvalidOperationException("An MMX client needs ConnectionStrings:Orleans.");
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = ClusterSettings.Invariant;
            o.ConnectionString = settings.ConnectionString;
        });
        if (settings.Tls is { } tls) client.UseTls(tls.Configure);
        if (traced) client.AddActivityPropagation();
        // A phone gives up on a request after about 10 s: a front cut off from the silos answers a
        // retryable error by then (the default, 30 s, held requests past the phone's patience).
        // Calls that take longer by nature say so on their method ([ResponseTimeout]: import, erase).
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        // A gateway silo that was cut off keeps its connection looking open (no reset arrives):
        // read the live gateways from the membership table every 2 s (default 1 min; one small
        // query), so a front stops sending through one soon after the cluster declares it dead:
        // until then every call routed through it waits out the 10 s above.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        if (settings.Dashboard) client.AddDashboard();
        GrainInterfaceTypeCache.AddTo(client.Services);
        return client;
    }
}
