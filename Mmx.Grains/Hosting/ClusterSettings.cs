using Microsoft.Extensions.Configuration;

namespace Mmx.Grains;

/// <summary>
/// The configuration keys that place a silo or a client in a cluster (see README, "Configuration").
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>The ADO.NET invariant name of Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary><c>ConnectionStrings:Orleans</c>: PostgreSQL for clustering and storage; null means embedded.</summary>
    public string? ConnectionString { get; init; }
    public string ClusterId { get; init; } = "mmx";
    public string ServiceId { get; init; } = "mmx";
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    /// <summary>The address other silos and clients reach this silo at.</summary>
    public string AdvertisedIp { get; init; } = "127.0.0.1";

    public bool IsCluster => ConnectionString is not null;

    public static ClusterSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Mmx:Orleans");
        var defaults = new ClusterSettings();
        var connectionString = configuration.GetConnectionString("Orleans");
        return new ClusterSettings
        {
            ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString,
            ClusterId = section["ClusterId"] ?? defaults.ClusterId,
            ServiceId = section["ServiceId"] ?? defaults.ServiceId,
            SiloPort = section.GetValue("SiloPort", defaults.SiloPort),
            GatewayPort = section.GetValue("GatewayPort", defaults.GatewayPort),
            AdvertisedIp = section["AdvertisedIp"] ?? defaults.AdvertisedIp,
        };
    }
}
