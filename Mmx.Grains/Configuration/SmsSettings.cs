using System.ComponentModel.DataAnnotations;

namespace Mmx.Grains.Configuration;

/// <summary>Where verification codes go, and how many the whole service sends a minute.</summary>
[SettingsSection("Mmx:Sms")]
public sealed class SmsSettings : IValidatableObject
{
    /// <summary>The SMS gateway codes are POSTed to; unset: the outbox behind <c>GET /admin/sms</c>.</summary>
    public string? GatewayUrl { get; set; }
    /// <summary>The outbox in cluster mode (test clusters); refused there otherwise.</summary>
    public bool Outbox { get; set; }
    [Range(1, 1_000_000)] public int GlobalPerMinute { get; set; } = 600;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(GatewayUrl) && !HttpUrl.IsAbsolute(GatewayUrl))
            yield return new ValidationResult($"\"{GatewayUrl}\" is not an absolute http(s) URL", [nameof(GatewayUrl)]);
    }
}
