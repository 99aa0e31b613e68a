using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace Mmx.Grains;

/// <summary>The Orleans client configuration of cluster mode, used by Mmx.Api and the tests.</summary>
public static class ClientSetup
{
    public static IClientBuilder AddMmxClient(this IClientBuilder client, ClusterSettings settings)
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
        client.AddActivityPropagation();
        if (settings.Dashboard) client.AddDashboard();
        GrainInterfaceTypeCache.AddTo(client.Services);
        return client;
    }
}
