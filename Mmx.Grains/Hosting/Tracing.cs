using Microsoft.Extensions.Configuration;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Mmx.Grains.Configuration;

namespace Mmx.Grains;

/// <summary>
/// OpenTelemetry traces and metrics of one MMX process, exported by OTLP. Where to is said either
/// the way every OpenTelemetry SDK reads it, the standard <c>OTEL_*</c> environment variables
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>_PROTOCOL</c>, <c>_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>,
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>, read by the SDK itself), or by <c>Mmx:Telemetry:OtlpEndpoint</c>
/// and <c>OtlpProtocol</c>, which win when set; nothing is exported when neither is. Orleans'
/// activity propagation (SiloSetup, ClientSetup) carries a trace through grain calls across silos,
/// so one request's trace holds the API's span, the grain calls on every silo they reach, the
/// PostgreSQL commands of grain storage and the outgoing HTTP calls (SMS, push, providers).
/// </summary>
public static class Tracing
{
    private static readonly string[] OtelEndpointKeys =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"];

    /// <summary>
    /// Whether this process exports traces. Orleans' activity propagation is a filter on every
    /// grain call (sent and received); without a tracer it carries nothing, so a process that
    /// exports no traces leaves it out (docs/performance.md, item 19).
    /// </summary>
    public static bool Enabled(IConfiguration configuration) => Enabled(configuration, Settings.Read<TelemetrySettings>(configuration));

    private static bool Enabled(IConfiguration configuration, TelemetrySettings settings) =>
        settings.Exports || OtelEndpointKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    /// <param name="service">The process's name in the traces (mmx-api, mmx-silo) unless OTEL_SERVICE_NAME names it.</param>
    /// <param name="more">What only this process traces (the API's HTTP server spans).</param>
    public static void AddMmxTracing(this IServiceCollection services, IConfiguration configuration, string service,
        Action<TracerProviderBuilder>? more = null)
    {
        var settings = Settings.Read<TelemetrySettings>(configuration);
        if (!Enabled(configuration, settings)) return;
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // The default resource already reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES.
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])) resource.AddService(service);
            })
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.RuntimeActivitySourceName)
                    .AddNpgsql()
                    .AddHttpClientInstrumentation()
                    .AddOtlpExporter(otlp => Configure(otlp, settings, "traces"));
                more?.Invoke(tracing);
            })
            // OTLP metrics beside the Prometheus scrape, to the same collector.
            .WithMetrics(metrics => metrics.AddOtlpExporter(otlp => Configure(otlp, settings, "metrics")));
    }

    /// <summary>MMX's own settings, where set, over what the SDK read from OTEL_*.</summary>
    private static void Configure(OtlpExporterOptions otlp, TelemetrySettings settings, string signal)
    {
        if (!settings.Exports) return;
        var http = settings.OtlpProtocol == TelemetrySettings.HttpProtobuf;
        otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // For http/protobuf the setting names the traces URL; metrics go to its sibling path.
        var endpoint = settings.OtlpEndpoint;
        if (http && signal == "metrics" && endpoint.EndsWith("/v1/traces", StringComparison.Ordinal))
            endpoint = endpoint[..^"/v1/traces".Length] + "/v1/metrics";
        otlp.Endpoint = new Uri(endpoint);
    }
}
