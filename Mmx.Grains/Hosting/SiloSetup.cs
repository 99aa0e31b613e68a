using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Mmx.Grains.Accounts.Sms;
using Mmx.Grains.Messages.Push;
using Orleans.Dashboard;
using Mmx.Grains.Configuration;

namespace Mmx.Grains;

/// <summary>
/// The one silo configuration, used by Mmx.Silo, by the embedded silo inside Mmx.Api and by the
/// tests: localhost clustering with memory storage when no connection string is set, ADO.NET
/// clustering and storage on PostgreSQL when <c>ConnectionStrings:Orleans</c> is set.
/// </summary>
public static class SiloSetup
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

    /// <summary>
    /// The grain storage: in memory without a connection string, ADO.NET on PostgreSQL with one.
    /// Both store state with the Orleans serializer rather than the default JSON with .NET type
    /// names: [Id]/[Alias] keep stored state readable when types are renamed or moved, and it is
    /// several times smaller and faster.
    /// </summary>
    /// <param name="singleSilo">
    /// Without a connection string, and the silo is the whole cluster: its own
    /// <see cref="SingleSiloMemoryStorage"/> instead of Orleans' memory storage, whose storage
    /// grains let several silos share it at a grain call per write.
    /// </param>
    public static ISiloBuilder AddMmxStorage(this ISiloBuilder silo, string? connectionString, bool singleSilo = false)
    {
        if (connectionString is null && singleSilo)
        {
            silo.Services.AddGrainStorage(StorageName, (services, _) =>
                ActivatorUtilities.CreateInstance<SingleSiloMemoryStorage>(services, OrleansSerializer(services)));
        }
        else if (connectionString is null)
        {
            silo.AddMemoryGrainStorage(StorageName);
            UseOrleansSerializer<MemoryGrainStorageOptions>(silo.Services);
        }
        else
        {
            silo.AddAdoNetGrainStorage(StorageName, o =>
            {
                o.Invariant = ClusterSettings.Invariant;
                o.ConnectionString = connectionString;
                // A cleared state (an erased account) leaves no row behind, not a row without payload.
                o.DeleteStateOnClear = true;
            });
            UseOrleansSerializer<AdoNetGrainStorageOptions>(silo.Services);
        }
        return silo;
    }

    private static void UseOrleansSerializer<TOptions>(IServiceCollection services)
        where TOptions : class, IStorageProviderSerializerOptions =>
        services.AddOptions<TOptions>(StorageName).Configure<IServiceProvider>((o, provider) =>
            o.GrainStorageSerializer = OrleansSerializer(provider));

    private static IGrainStorageSerializer OrleansSerializer(IServiceProvider services) =>
        ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services);

    /// <summary>
    /// The services grains depend on: MMX's clock (tests register a fake one first), the watchdog
    /// that resumes interrupted fan-outs, the push sender and the SMS sender.
    /// </summary>
    public static void AddMmxServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddKeyedSingleton(MmxClock.Key, TimeProvider.System);
        services.AddHostedService<Messages.FanOutWatchdog>();
        AddPush(services, configuration);
        AddSms(services, configuration);
    }

    /// <summary>
    /// Push notices for phones without an open event stream: to <c>Mmx:Push:GatewayUrl</c> when
    /// set, else to the outbox behind <c>GET /admin/push</c> (also in cluster mode: the gateway is
    /// optional, and without it the inbox is still every message's home).
    /// </summary>
    private static void AddPush(IServiceCollection services, IConfiguration configuration)
    {
        var push = Settings.Read<PushSettings>(configuration);
        services.TryAddSingleton(push);
        if (string.IsNullOrWhiteSpace(push.GatewayUrl)) services.TryAddSingleton<IPushSender, OutboxPushSender>();
        else
        {
            AddGatewayClient(services, HttpGatewayPushSender.ClientName, TimeSpan.FromSeconds(push.TimeoutSeconds * push.Attempts), push.Attempts);
            services.TryAddSingleton<IPushSender>(sp => new HttpGatewayPushSender(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpGatewayPushSender.ClientName), push,
                sp.GetRequiredService<ILogger<HttpGatewayPushSender>>()));
        }
        services.TryAddSingleton<PushQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<PushQueue>());
    }

    /// <summary>
    /// An HTTP gateway when <c>Mmx:Sms:GatewayUrl</c> is set, else the outbox behind
    /// GET /admin/sms. The outbox hands every code to whoever holds the admin key, so a cluster
    /// (a real deployment) refuses to start without a gateway unless <c>Mmx:Sms:Outbox</c> is set
    /// to true on purpose (the local test cluster, the bench).
    /// </summary>
    private static void AddSms(IServiceCollection services, IConfiguration configuration)
    {
        var sms = Settings.Read<SmsSettings>(configuration);
        services.TryAddSingleton(sms);
        if (string.IsNullOrWhiteSpace(sms.GatewayUrl))
        {
            if (ClusterSettings.From(configuration).IsCluster && !sms.Outbox)
            {
                throw new SettingsException("Cluster mode needs Mmx:Sms:GatewayUrl: without it codes would only reach the " +
                    "admin-readable outbox. Set Mmx:Sms:Outbox=true to accept that (test clusters only).");
            }
            services.TryAddSingleton<ISmsSender, OutboxSmsSender>();
            return;
        }
        var uri = new Uri(sms.GatewayUrl);
        // A code sent twice is the same code: a POST may be retried once, within the sender's 10 s.
        AddGatewayClient(services, HttpGatewaySmsSender.ClientName, HttpGatewaySmsSender.Timeout, attempts: 2);
        services.TryAddSingleton<ISmsSender>(sp => new HttpGatewaySmsSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpGatewaySmsSender.ClientName), uri));
    }

    /// <summary>
    /// A named client from IHttpClientFactory (pooled, DNS-aware connections, logged without the
    /// URL's credentials) with the standard
    /// resilience pipeline: a total budget, a per-attempt time-out, retries of transient failures
    /// (5xx, 408, 429, network errors, time-outs; never another 4xx) and a circuit breaker.
    /// </summary>
    private static void AddGatewayClient(IServiceCollection services, string name, TimeSpan total, int attempts)
    {
        services.TryAddSingleton<RedactedHttpLogger>();
        services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan)
            // Gateway URLs may carry credentials (user info, a key in the query): logged without them.
            .RemoveAllLoggers()
            .AddLogger<RedactedHttpLogger>()
            .AddStandardResilienceHandler(options =>
            {
                options.TotalRequestTimeout.Timeout = total;
                options.AttemptTimeout.Timeout = total / attempts;
                options.Retry.MaxRetryAttempts = attempts - 1;
                options.Retry.Delay = TimeSpan.FromMilliseconds(250);
                // The breaker must sample at least twice the attempt time-out (the pipeline checks it).
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * total.TotalSeconds / attempts + 1));
            });
    }
}
