using System.ComponentModel.DataAnnotations;

namespace Mmx.Grains.Configuration;

/// <summary>A silo's Prometheus endpoint on 127.0.0.1.</summary>
[SettingsSection("Mmx:Metrics")]
public sealed class MetricsSettings
{
    /// <summary>Unset: off.</summary>
    [Range(1, 65535)] public int? Port { get; set; }
}
