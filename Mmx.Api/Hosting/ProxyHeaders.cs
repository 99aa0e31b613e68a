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
        var proxies = Http.ConfigList.Of(configuration, "Mmx:ForwardedHeaders:KnownProxies")
            .Select(p => IPAddress.TryParse(p, out var address) ? address
                : throw new InvalidOperationException($"Mmx:ForwardedHeaders:KnownProxies: '{p}' is no IP address")).ToList();
        var networks = Http.ConfigList.Of(configuration, "Mmx:ForwardedHeaders:KnownNetworks")
            .Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network
                : throw new InvalidOperationException($"Mmx:ForwardedHeaders:KnownNetworks: '{n}' is no CIDR network")).ToList();
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
