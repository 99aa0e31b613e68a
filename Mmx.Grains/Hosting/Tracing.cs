using Microsoft.Extensions.Configuration;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Mmx.Grains.Configuration;

namespace Mmx.Grains;

/// <summary>
/// OpenTelemetry traces of one MMX process, exported by OTLP to <c>Mmx:Telemetry:OtlpEndpoint</c>
/// (nothing is traced when it is unset). Orleans' activity propagation (SiloSetup, ClientSetup)
/// carries the trace through grain calls across silos, so one request's trace holds the API's
/// span, the grain calls on every silo they reach and the PostgreSQL commands of grain storage.
/// </summary>
public static class Tracing
{
    /// <summary>
    /// Whether this process exports traces. Orleans' activity propagation is a filter on every
    /// grain call (sent and received); without a tracer it carries nothing, so a process that
    /// exports no traces leaves it out (docs/performance.md, item 19).
    /// </summary>
    public static bool Enabled(IConfiguration configuration) => Settings.Read<TelemetrySettings>(configuration).Exports;

    /// <param name="service">The process's name in the traces (mmx-api, mmx-silo).</param>
    /// <param name="more">What only this process traces (the API's HTTP server spans).</param>
    public static void AddMmxTracing(this IServiceCollection services, IConfiguration configuration, string service,
        Action<TracerProviderBuilder>? more = null)
    {
        var settings = Settings.Read<TelemetrySettings>(configuration);
        if (!settings.Exports) return;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(service))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.RuntimeActivitySourceName)
                    .AddNpgsql()
                    .AddOtlpExporter(otlp =>
                    {
                        otlp.Endpoint = new Uri(settings.OtlpEndpoint);
                        otlp.Protocol = settings.OtlpProtocol == TelemetrySettings.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                    });
                more?.Invoke(tracing);
            });
    }
}
