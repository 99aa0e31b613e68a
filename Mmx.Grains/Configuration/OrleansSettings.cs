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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedIp, out _))
            yield return new ValidationResult($"\"{AdvertisedIp}\" is not an IP address", [nameof(AdvertisedIp)]);
    }
}
