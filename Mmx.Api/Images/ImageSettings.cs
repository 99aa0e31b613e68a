using System.ComponentModel.DataAnnotations;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Images;

/// <summary>The image store and fetcher.</summary>
[SettingsSection("Mmx:Images")]
public sealed class ImageSettings : IValidatableObject
{
    /// <summary>Hosts the fetcher may reach although they resolve to internal addresses.</summary>
    public string[] AllowHosts { get; set; } = [];
    /// <summary>The store's folder (served under /img/); unset: <c>.data/images</c>.</summary>
    public string? Folder { get; set; }
    /// <summary>The base of the URLs imgupload answers (a CDN); unset: the request's scheme and host + /img.</summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>The budget of one image fetch.</summary>
    [Range(0.1, 300)] public double TimeoutSeconds { get; set; } = 10;
    /// <summary>Bytes one account may store a day (Asia/Shanghai): 100 MB, about 200 photos.</summary>
    [Range(1, long.MaxValue)] public long UserBytesPerDay { get; set; } = 100L * 1024 * 1024;
    /// <summary>The folder's budget: new images beyond it are err 6.</summary>
    [Range(1, long.MaxValue)] public long MaxStoreBytes { get; set; } = 10L * 1024 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && !HttpUrl.IsAbsolute(PublicBaseUrl))
            yield return new ValidationResult($"\"{PublicBaseUrl}\" is not an absolute http(s) URL", [nameof(PublicBaseUrl)]);
    }
}
