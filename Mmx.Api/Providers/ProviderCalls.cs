using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Mmx.Api.Providers;

/// <summary>
/// The HTTP side every provider client shares: one named client from IHttpClientFactory with the
/// standard resilience pipeline (a total budget of <c>Mmx:ThirdParty:TimeoutSeconds</c>, one retry
/// of safe requests on transient faults, a circuit breaker), and one mapping of what can go wrong:
/// no answer, a timeout, a 5xx or a body that is not JSON is err 12; the provider's own "no" is
/// left to each client to read.
/// </summary>
public static class ProviderCalls
{
    public const string ClientName = "mmx-providers";

    public static IServiceCollection AddThirdPartyProviders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = Grains.Configuration.Settings.Read<ThirdPartySettings>(configuration);
        var total = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        services.AddHttpClient(ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(options =>
            {
                options.TotalRequestTimeout.Timeout = total;
                options.AttemptTimeout.Timeout = total / 2;
                options.Retry.MaxRetryAttempts = 1;
                options.Retry.Delay = TimeSpan.FromMilliseconds(100);
                options.Retry.BackoffType = DelayBackoffType.Constant;
                // A Weibo code or an Alipay call must not be sent twice: only GETs are retried.
                options.Retry.DisableForUnsafeHttpMethods();
                // The breaker must sample at least twice the attempt timeout (the pipeline validates it).
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, total.TotalSeconds + 1));
            });
        services.AddSingleton<QqProvider>();
        services.AddSingleton<WeChatProvider>();
        services.AddSingleton<WeiboProvider>();
        services.AddSingleton<AlipayProvider>();
        services.AddSingleton<OpenIdVerifier>();
        if (settings.TrustOpenId) services.AddHostedService<TrustOpenIdWarning>();
        return services;
    }

    /// <summary>Sends a request and answers the provider's JSON body, whatever its HTTP status below 500.</summary>
    public static async Task<JsonNode> SendForJson(this IHttpClientFactory factory, string provider,
        Func<HttpRequestMessage> request, ILogger logger, CancellationToken cancellation)
    {
        var text = await factory.SendForText(provider, request, logger, cancellation);
        try
        {
            return JsonNode.Parse(StripJsonp(text)) ?? throw Failed(provider);
        }
        catch (JsonException)
        {
            logger.LogWarning("{Provider} answered a body that is not JSON", provider);
            throw Failed(provider);
        }
    }

    /// <summary>Sends a request and answers the body's text, whatever its HTTP status below 500.</summary>
    public static async Task<string> SendForText(this IHttpClientFactory factory, string provider,
        Func<HttpRequestMessage> request, ILogger logger, CancellationToken cancellation)
    {
        var client = factory.CreateClient(ClientName);
        string text;
        try
        {
            using var message = request();
            using var response = await client.SendAsync(message, cancellation);
            if ((int)response.StatusCode >= 500)
            {
                logger.LogWarning("{Provider} answered HTTP {Status}", provider, (int)response.StatusCode);
                throw Failed(provider);
            }
            text = await response.Content.ReadAsStringAsync(cancellation);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
            or Polly.CircuitBreaker.BrokenCircuitException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            logger.LogWarning("{Provider} did not answer: {Reason}", provider, e.GetType().Name);
            throw Failed(provider);
        }
        return text;
    }

    /// <summary>The provider did not answer usably: err 12.</summary>
    public static ApiException Failed(string provider) => new(Err.UpstreamFailed, $"{provider} did not answer; try again later");

    /// <summary>The provider answered and refused the credentials: err 8.</summary>
    public static ApiException Refused(string provider) => new(Err.WrongCredentials, $"{provider} did not accept these credentials");

    /// <summary>QQ's older endpoints wrap JSON as <c>callback( {...} );</c>.</summary>
    private static string StripJsonp(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("callback(", StringComparison.Ordinal)) return trimmed;
        var open = trimmed.IndexOf('(');
        var close = trimmed.LastIndexOf(')');
        return close > open ? trimmed[(open + 1)..close] : trimmed;
    }

    /// <summary>A string field that providers send as a JSON string or number (ids, error codes).</summary>
    public static string? Text(this JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<long>(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Joins a base URL and a path with its query, escaping every value.</summary>
    public static Uri Endpoint(string baseUrl, string path, params (string Key, string Value)[] query)
    {
        var url = baseUrl.TrimEnd('/') + path;
        if (query.Length > 0) url += "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
        return new Uri(url);
    }
}
