using System.ComponentModel.DataAnnotations;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Hosting;

/// <summary>The keys directly under <c>Mmx</c>: the operator's key, demo data and the public base URL.</summary>
[SettingsSection(Settings.Root)]
public sealed class FrontSettings : IValidatableObject
{
    /// <summary>The <c>X-Admin-Key</c> of /admin routes (see <see cref="Hosting.AdminKey"/>).</summary>
    public string? AdminKey { get; set; }
    /// <summary>Import the demo catalogue at start; unset: in embedded mode only.</summary>
    public bool? DemoData { get; set; }
    /// <summary>The base of the URLs MMX answers (see <see cref="Http.PublicUrls"/>).</summary>
    public string? PublicWebBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(AdminKey) && AdminKey.Length < Hosting.AdminKey.MinLength)
            yield return new ValidationResult($"must be at least {Hosting.AdminKey.MinLength} characters", [nameof(AdminKey)]);
        if (!string.IsNullOrWhiteSpace(PublicWebBaseUrl) && !HttpUrl.IsAbsolute(PublicWebBaseUrl))
            yield return new ValidationResult($"\"{PublicWebBaseUrl}\" is not an absolute http(s) URL", [nameof(PublicWebBaseUrl)]);
    }
}
