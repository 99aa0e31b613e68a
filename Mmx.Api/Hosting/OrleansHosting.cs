using Mmx.Grains;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Mmx.Api.Hosting;

/// <summary>
/// Embedded (no connection string): this process co-hosts a silo with localhost clustering and
/// memory storage. Cluster mode (<c>ConnectionStrings:Orleans</c> set): this process is an Orleans
/// client of the Mmx.Silo processes found through the PostgreSQL membership table.
/// </summary>
public static class OrleansHosting
{
    public static ClusterSettings AddMmxOrleans(this WebApplicationBuilder builder)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        if (settings.IsCluster)
        {
            builder.UseOrleansClient(client =>
            {
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
            });
        }
        else
        {
            builder.UseOrleans(silo => silo.AddMmxSilo(builder.Configuration));
        }
        return settings;
    }
}
