using System.ComponentModel.DataAnnotations;

namespace Mmx.Grains.Configuration;

/// <summary>The Orleans Dashboard on this process (set it alike on every silo and front).</summary>
[SettingsSection("Mmx:Dashboard")]
public sealed class DashboardSettings
{
    /// <summary>Off saves the dashboard's once-a-second metric collection (docs/performance.md).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often each silo samples the dashboard's grain counters.</summary>
    [Range(1000, 3_600_000)] public int CounterUpdateIntervalMs { get; set; } = 10_000;
}
