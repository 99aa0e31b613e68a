using OpenTelemetry.Metrics;

namespace Mmx.Grains;

/// <summary>
/// Orleans' meters as MMX exports them (the API's /metrics and each silo's Prometheus listener),
/// less the two instruments whose every reading walks a whole table of the process: the sum of
/// queued requests over every activation, and the grain directory cache's size (its count
/// enumerates the cache). At 150,000 activations one reading of both took about 0.15 s of CPU
/// (docs/performance.md), so a scrape would cost that each time; the activation count and
/// working-set gauges stay, and they are read from counters.
/// </summary>
public static class OrleansMeters
{
    public const string MeterName = "Microsoft.Orleans";

    /// <summary>Instruments left out of the export because reading them is proportional to the process's size.</summary>
    public static readonly IReadOnlyList<string> Costly =
    [
        "orleans-messaging-processing-activation-data",
        "orleans-directory-cache-size",
    ];

    public static MeterProviderBuilder AddOrleansMeters(this MeterProviderBuilder metrics)
    {
        metrics.AddMeter(MeterName);
        foreach (var name in Costly) metrics.AddView(name, MetricStreamConfiguration.Drop);
        return metrics;
    }
}
