using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mmx.Grains.Accounts.Sms;
using Mmx.Grains.Messages.Push;
using Mmx.Grains.Configuration;

namespace Mmx.Grains;

/// <summary>The services grains call out through: the SMS gateway and the push provider, each an HTTP client with its own budget.</summary>
public static partial class SiloSetup
{
    /// <summary>
    /// The services grains depend on: MMX's clock (tests register a fake one first), the watchdog
    /// that resumes interrupted fan-outs, the push sender and the SMS sender.
    /// </summary>
    public static void AddMmxServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddKeyedSingleton(MmxClock.Key, TimeProvider.System);
        services.AddHostedService<Messages.FanOutWatchdog>();
        services.AddHostedService<Merchants.ServicePeriodWatchdog>();
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
