using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Mmx.Grains.Configuration;

/// <summary>Which cluster a silo or client belongs to, and a silo's own endpoints.</summary>
[SettingsSection("Mmx:Orleans")]
public sealed class OrleansSettings : IValidatableObject
{
    [Required(AllowEmptyStrings = false)] public string ClusterId { get; set; } = "mmx";
    [Required(AllowEmptyStrings = false)] public string ServiceId { get; set; } = "mmx";
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;
    /// <summary>The address other silos and clients reach this silo at.</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";

    /// <summary>
    /// The longest a silo waits for another's answer to a liveness probe. Orleans also holds back
    /// a vote against a silo whose connection brought a message within three times this, so it
    /// sets how soon a silo cut off from the network is declared dead and its grains move: about
    /// 15-20 s at 5 s, where Orleans' own 20 s lets a cut of under a minute go unnoticed
    /// (docs/decisions.md, "When a silo is declared dead").
    /// </summary>
    [Range(1, 120)] public int MaxProbeTimeoutSeconds { get; set; } = 5;

    /// <summary>How long a grain may sit unused before its silo deactivates it (its state stays stored).</summary>
    [Range(1, 24 * 60)] public int IdleMinutes { get; set; } = 15;

    /// <summary>
    /// When the silo's process uses this share of the memory it may have (a container's limit,
    /// <c>DOTNET_GCHeapHardLimit</c>, else the machine's), it deactivates the grains unused longest
    /// until it is 10 points below; 0 turns the shedding off. Users' grains reload from storage on
    /// their next request (docs/performance.md, "Memory").
    /// </summary>
    [Range(0, 100)] public int ShedAtMemoryPercent { get; set; } = 80;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedIp, out _))
            yield return new ValidationResult($"\"{AdvertisedIp}\" is not an IP address", [nameof(AdvertisedIp)]);
    }
}
