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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedIp, out _))
            yield return new ValidationResult($"\"{AdvertisedIp}\" is not an IP address", [nameof(AdvertisedIp)]);
    }
}
