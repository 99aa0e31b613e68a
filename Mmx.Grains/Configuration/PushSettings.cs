using System.ComponentModel.DataAnnotations;

namespace Mmx.Grains.Configuration;

/// <summary>Where notifications for phones without an open event stream go.</summary>
[SettingsSection("Mmx:Push")]
public sealed class PushSettings : IValidatableObject
{
    /// <summary>The push relay notices are POSTed to; unset: the outbox behind <c>GET /admin/push</c>.</summary>
    public string? GatewayUrl { get; set; }
    [Range(1, 120)] public int TimeoutSeconds { get; set; } = 5;
    /// <summary>Tries per notice, the first included.</summary>
    [Range(1, 10)] public int Attempts { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(GatewayUrl) && !HttpUrl.IsAbsolute(GatewayUrl))
            yield return new ValidationResult($"\"{GatewayUrl}\" is not an absolute http(s) URL", [nameof(GatewayUrl)]);
    }
}
