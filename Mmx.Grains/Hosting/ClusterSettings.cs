using Microsoft.Extensions.Configuration;
using Mmx.Grains.Configuration;

namespace Mmx.Grains;

/// <summary>
/// What places a silo or a client in a cluster (see README, "Configuration"): the connection
/// string, <see cref="OrleansSettings"/>, the dashboard switch and TLS, read and checked at start.
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
    /// <summary><c>Mmx:Orleans:MaxProbeTimeoutSeconds</c>: how soon a silo that stopped answering is declared dead.</summary>
    public TimeSpan MaxProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary><c>Mmx:Orleans:IdleMinutes</c>: an unused grain's time in memory.</summary>
    public TimeSpan IdleCollectionAge { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary><c>Mmx:Orleans:ShedAtMemoryPercent</c>: the memory share at which idle grains are shed (0: never).</summary>
    public int ShedAtMemoryPercent { get; init; } = 80;

    /// <summary>
    /// <c>Mmx:Dashboard:Enabled</c> (true): the Orleans Dashboard on silos and front. Off, a busy
    /// process wins back the dashboard's once-a-second metric collection (docs/performance.md);
    /// set it alike on every process of a cluster.
    /// </summary>
    public bool Dashboard { get; init; } = true;

    /// <summary><c>Mmx:Tls:*</c>: mutual TLS on silo and gateway connections, or null (off).</summary>
    public TransportTls? Tls { get; init; }

    /// <summary><c>Mmx:Tls:AllowPlaintext</c>: cluster mode may run without <see cref="Tls"/>.</summary>
    public bool PlaintextAllowed { get; init; }

    public bool IsCluster => ConnectionString is not null;

    /// <summary>
    /// Cluster mode's processes talk over the network: a silo or front started without mutual TLS
    /// stops here, unless <c>Mmx:Tls:AllowPlaintext</c> says it is meant (docs/decisions.md).
    /// Called by the programs at start (the in-process test hosts build their settings themselves).
    /// </summary>
    public void RequireTransportSecurity()
    {
        if (IsCluster && Tls is null && !PlaintextAllowed)
            throw new SettingsException("Cluster mode needs mutual TLS: set Mmx:Tls:Certificate, Mmx:Tls:Key and Mmx:Tls:Authority alike on every silo and front (README, \"Transport security\"), or Mmx:Tls:AllowPlaintext=true where only this machine's loopback carries the cluster.");
    }

    public static ClusterSettings From(IConfiguration configuration)
    {
        var orleans = Settings.Read<OrleansSettings>(configuration);
        var tls = Settings.Read<TlsSettings>(configuration);
        var connectionString = configuration.GetConnectionString("Orleans");
        return new ClusterSettings
        {
            ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : Tuned(connectionString),
            ClusterId = orleans.ClusterId,
            ServiceId = orleans.ServiceId,
            SiloPort = orleans.SiloPort,
            GatewayPort = orleans.GatewayPort,
            AdvertisedIp = orleans.AdvertisedIp,
            MaxProbeTimeout = TimeSpan.FromSeconds(orleans.MaxProbeTimeoutSeconds),
            IdleCollectionAge = TimeSpan.FromMinutes(orleans.IdleMinutes),
            ShedAtMemoryPercent = orleans.ShedAtMemoryPercent,
            Dashboard = Settings.Read<DashboardSettings>(configuration).Enabled,
            Tls = TransportTls.From(tls),
            PlaintextAllowed = tls.AllowPlaintext,
        };
    }

    /// <summary>Connections a process keeps to PostgreSQL unless the connection string says otherwise (<see cref="Tuned"/>).</summary>
    public const int PoolSize = 12;

    /// <summary>
    /// Npgsql settings for Orleans' small, repeated statements, unless the connection string sets
    /// them: statements used twice are prepared on the server (the storage write's plan is made
    /// once per connection instead of per write), and a pooled connection is not reset on return
    /// (the reset would drop those prepared statements; Orleans leaves no session state behind).
    /// The pool is held to <see cref="PoolSize"/> connections a process (Npgsql's default is 100):
    /// under load two silos and a front opened 109 backends, more than PostgreSQL's default
    /// max_connections (100) allows, each warming its own caches on the database's CPU; at 12,
    /// eight processes fit that default.
    /// The benchmark (docs/performance.md) shows what they bring.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Has(params string[] keys) => keys.Any(given.ContainsKey);
        if (!Has("Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = 64;
        if (!Has("Auto Prepare Min Usages", "AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        if (!Has("No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        if (!Has("Maximum Pool Size", "MaxPoolSize")) builder.MaxPoolSize = PoolSize;
        return builder.ConnectionString;
    }
}
