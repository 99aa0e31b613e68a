using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;
using Mmx.Grains.Configuration;

namespace Mmx.Grains;

/// <summary>
/// The one silo configuration, used by Mmx.Silo, by the embedded silo inside Mmx.Api and by the
/// tests: localhost clustering with memory storage when no connection string is set, ADO.NET
/// clustering and storage on PostgreSQL when <c>ConnectionStrings:Orleans</c> is set. Its grain
/// storage is in SiloSetup.Storage.cs, the services grains use (SMS, push) in SiloSetup.Services.cs.
/// </summary>
public static partial class SiloSetup
{
    /// <summary>The grain storage every MMX grain persists to.</summary>
    public const string StorageName = "mmx";

    /// <param name="wholeCluster">
    /// This silo is the whole cluster (the embedded default: localhost clustering, no other silo
    /// ever joins): its storage is <see cref="SingleSiloMemoryStorage"/> and it keeps no grain
    /// directory cache. Tests that run several silos in one cluster leave it false.
    /// </param>
    public static ISiloBuilder AddMmxSilo(this ISiloBuilder silo, IConfiguration configuration, bool wholeCluster = false)
    {
        var settings = ClusterSettings.From(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });

        if (settings.ConnectionString is null)
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
        }
        else
        {
            silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedIp), settings.SiloPort, settings.GatewayPort);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = ClusterSettings.Invariant;
                o.ConnectionString = settings.ConnectionString;
            });
            silo.Configure<ClusterMembershipOptions>(o => DeclareDeadSooner(o, settings.MaxProbeTimeout));
        }

        silo.Configure<GrainCollectionOptions>(o => CollectIdleGrains(o, settings));
        if (settings.Tls is { } tls) silo.UseTls(tls.Configure);
        // A call's trace goes on through the grains it reaches, when this process exports traces.
        if (Tracing.Enabled(configuration)) silo.AddActivityPropagation();

        var singleSilo = wholeCluster && !settings.IsCluster;
        silo.AddMmxStorage(settings.ConnectionString, singleSilo);
        if (singleSilo) silo.Configure<GrainDirectoryOptions>(NoDirectoryCache);
        // The Orleans Dashboard's grains and statistics; the API front serves its pages. Its
        // grain counters are gathered every Mmx:Dashboard:CounterUpdateIntervalMs (10 s by
        // default). The package also reads every Orleans metric once a second, a fixed interval
        // that costs a busy process several per cent of its CPU (docs/performance.md).
        var counterInterval = Settings.Read<DashboardSettings>(configuration).CounterUpdateIntervalMs;
        if (settings.Dashboard) silo.AddDashboard(o => o.CounterUpdateIntervalMs = counterInterval);
        GrainInterfaceTypeCache.AddTo(silo.Services);
        AddMmxServices(silo.Services, configuration);
        return silo;
    }

    /// <summary>
    /// Unused grains leave memory after <see cref="ClusterSettings.IdleCollectionAge"/>, and sooner
    /// when the process nears the memory it may have: a silo holding a million users' grains
    /// sheds the ones unused longest instead of growing until the container is killed.
    /// </summary>
    private static void CollectIdleGrains(GrainCollectionOptions options, ClusterSettings settings)
    {
        options.CollectionAge = settings.IdleCollectionAge;
        if (settings.ShedAtMemoryPercent == 0) return;
        options.EnableActivationSheddingOnMemoryPressure = true;
        options.MemoryUsageLimitPercentage = settings.ShedAtMemoryPercent;
        options.MemoryUsageTargetPercentage = Math.Max(1, settings.ShedAtMemoryPercent - 10);
    }

    /// <summary>
    /// Orleans suppresses votes against a silo whose connection received a message within
    /// MaxProbeTimeout x NumMissedProbesLimit (its "connection liveness" guard against false
    /// deaths in GC pauses). At Orleans' default (20 s x 3) a silo cut off for less than a minute
    /// is never declared dead and its grains wait for the link; the network fault test showed it.
    /// </summary>
    private static void DeclareDeadSooner(ClusterMembershipOptions options, TimeSpan maxProbeTimeout)
    {
        options.MaxProbeTimeout = maxProbeTimeout;
        if (options.ProbeTimeout > maxProbeTimeout) options.ProbeTimeout = maxProbeTimeout;
        if (options.MinProbeTimeout > options.ProbeTimeout) options.MinProbeTimeout = options.ProbeTimeout;
    }

    /// <summary>
    /// A silo that is the whole cluster owns every grain's directory entry in its own partition,
    /// so a cache of remote entries would only copy it. Without it, the directory's cache-size
    /// gauge (which counts a cache by walking it) costs nothing when the dashboard reads every
    /// Orleans instrument each second (docs/performance.md).
    /// </summary>
    private static void NoDirectoryCache(GrainDirectoryOptions options)
    {
        options.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.None;
        // Also sizes the cache kept for grains in a custom directory (MMX has none).
        options.CacheSize = 100;
    }
}
