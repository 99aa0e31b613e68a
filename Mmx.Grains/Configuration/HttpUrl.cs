namespace Mmx.Grains.Configuration;

/// <summary>The rule of every URL setting: absolute, http or https.</summary>
public static class HttpUrl
{
    public static bool IsAbsolute(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
