using Mmx.Grains;

namespace Mmx.Api.Hosting;

/// <summary>
/// Embedded (no connection string): this process co-hosts a silo with localhost clustering and
/// memory storage, a silo that is the whole cluster. Cluster mode (<c>ConnectionStrings:Orleans</c>
/// set): this process is an Orleans client of the Mmx.Silo processes found through the PostgreSQL
/// membership table.
/// </summary>
public static class OrleansHosting
{
    public static ClusterSettings AddMmxOrleans(this WebApplicationBuilder builder)
    {
        var settings = ClusterSettings.From(builder.Configuration);
        if (settings.IsCluster)
        {
            settings.RequireTransportSecurity();
            builder.UseOrleansClient(client => client.AddMmxClient(settings, Tracing.Enabled(builder.Configuration)));
        }
        else
        {
            builder.UseOrleans(silo => silo.AddMmxSilo(builder.Configuration, wholeCluster: true));
        }
        return settings;
    }
}
