using Microsoft.Net.Http.Headers;

namespace Mmx.Api.Wire;

/// <summary>
/// Which wire a request is answered in. The contract's by default; the original backend's types
/// (<see cref="LegacyTypes"/>) for the app's shipped clients, which were written against it and
/// crash on the contract's types in a few answers: a request whose User-Agent starts with one of
/// <c>Mmx:Wire:LegacyUserAgents</c> (the iOS app sends <c>ForwardOne/1.0 (iPhone; iOS ...)</c>),
/// whose Origin is one of <c>Mmx:Wire:LegacyOrigins</c> (the web client runs in browsers, whose
/// User-Agent is the browser's), or that carries <c>X-Mmx-Wire: legacy</c>.
/// </summary>
public sealed class WireProfile(WireSettings settings)
{
    public const string Header = "X-Mmx-Wire";
    public const string Legacy = "legacy";

    private readonly string[] _userAgents = settings.LegacyUserAgents;
    private readonly HashSet<string> _origins = new(
        settings.LegacyOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    public bool IsLegacy(HttpRequest request)
    {
        if (string.Equals(request.Headers[Header], Legacy, StringComparison.OrdinalIgnoreCase)) return true;
        var userAgent = request.Headers.UserAgent.ToString();
        if (userAgent.Length > 0 && _userAgents.Any(prefix => userAgent.StartsWith(prefix, StringComparison.Ordinal))) return true;
        return request.Headers.Origin.ToString() is { Length: > 0 } origin && _origins.Contains(origin);
    }
}

public static class WireProfileExtensions
{
    public static IServiceCollection AddWireProfile(this IServiceCollection services) => services.AddSingleton<WireProfile>();

    /// <summary>
    /// Whether this request gets the original backend's types. Called by the routes whose answer
    /// differs between the wires, which therefore tell caches that it varies with the headers
    /// that choose the wire.
    /// </summary>
    public static bool LegacyWire(this HttpContext context)
    {
        context.Response.Headers.Append(HeaderNames.Vary, $"{WireProfile.Header}, {HeaderNames.UserAgent}, {HeaderNames.Origin}");
        return context.RequestServices.GetRequiredService<WireProfile>().IsLegacy(context.Request);
    }
}
