namespace Mmx.Api.Lookups;

/// <summary>
/// Where the pictures MMX stores (uploads, fetched images) are served: under
/// <c>Mmx:Images:PublicBaseUrl</c> (a CDN) when set, else this API's <c>/img/</c>. Routes that take
/// only MMX's own pictures (a shop's) check URLs against it.
/// </summary>
public static class StoredImages
{
    public const string ServePath = "/img";

    public static string BaseOf(HttpRequest request)
    {
        var settings = request.HttpContext.RequestServices.GetRequiredService<Images.ImageSettings>();
        return settings.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : PublicUrls.Base(request) + ServePath;
    }

    public static string UrlOf(HttpRequest request, string name) => $"{BaseOf(request)}/{name}";

    /// <summary>Whether a URL names a picture MMX stored (served under <see cref="BaseOf"/>).</summary>
    public static bool IsStored(HttpRequest request, string url)
    {
        var prefix = BaseOf(request) + "/";
        return url.Length > prefix.Length && url.StartsWith(prefix, StringComparison.Ordinal) && !url.AsSpan(prefix.Length).Contains("..", StringComparison.Ordinal);
    }
}
