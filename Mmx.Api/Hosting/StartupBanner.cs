using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Mmx.Grains;

namespace Mmx.Api.Hosting;

/// <summary>Prints where the API listens and, when it was generated, the admin key.</summary>
public static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app, ClusterSettings cluster, AdminKey? adminKey)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var mode = cluster.IsCluster ? "cluster mode (Orleans client)" : "embedded mode (co-hosted silo, memory storage)";
            Console.WriteLine($"MMX API in {mode} listening on {string.Join(", ", addresses)}");
            if (adminKey is { Generated: true })
            {
                Console.WriteLine($"Admin key (generated for this run; set Mmx:AdminKey to fix it): {adminKey.Value}");
            }
            var publicBase = app.Services.GetRequiredService<FrontSettings>().PublicWebBaseUrl;
            if (publicBase is { Length: > 0 } && !PublicUrls.ScannerFits(publicBase))
            {
                app.Logger.LogWarning("Mmx:PublicWebBaseUrl {Base} is over 22 characters or holds \"user\" or \"shop\": the iOS app's " +
                    "scanner (which reads the id at offset 28) cannot read the QR codes made on it", publicBase);
            }
        });
    }
}
