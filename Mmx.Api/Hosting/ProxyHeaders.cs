using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mmx.Api.Hosting;

/// <summary>
/// Behind a reverse proxy: <c>Mmx:ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>KnownNetworks</c> (CIDR, e.g. <c>10.0.0.0/8</c>) name the proxies whose X-Forwarded-For,
/// -Proto and -Host are believed; the rate limits, logs and answered URLs then see the real client.
/// Nobody else's are (ASP.NET Core's default trust of loopback is dropped too), and with neither
/// setting the headers are ignored altogether.
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddMmxProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        // Checked when read: every entry parses.
        var settings = Grains.Configuration.Settings.Read<ForwardedHeadersSettings>(configuration);
        var proxies = settings.KnownProxies.Select(IPAddress.Parse).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.Parse(n)).ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
    }
}
