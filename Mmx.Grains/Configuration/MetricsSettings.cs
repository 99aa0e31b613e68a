using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Mmx.Grains.Configuration;

/// <summary>A silo's Prometheus endpoint.</summary>
[SettingsSection("Mmx:Metrics")]
public sealed class MetricsSettings : IValidatableObject
{
    /// <summary>Unset: off.</summary>
    [Range(1, 65535)] public int? Port { get; set; }

    /// <summary>
    /// Where it listens: an IP address, or <c>*</c> for every address of the host (a container
    /// whose metrics other containers scrape). Loopback by default: nothing outside the machine.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Host != "*" && !IPAddress.TryParse(Host, out _))
            yield return new ValidationResult($"\"{Host}\" is neither an IP address nor *", [nameof(Host)]);
    }
}
