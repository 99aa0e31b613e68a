using System.ComponentModel.DataAnnotations;
using System.Net;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Hosting;

/// <summary>The reverse proxies whose forwarded headers are believed (see <see cref="ProxyHeaders"/>).</summary>
[SettingsSection("Mmx:ForwardedHeaders")]
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    /// <summary>IP addresses.</summary>
    public string[] KnownProxies { get; set; } = [];
    /// <summary>CIDR networks, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"'{proxy}' is no IP address", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"'{network}' is no CIDR network", [nameof(KnownNetworks)]);
    }
}
