namespace Mmx.Api.Http;

/// <summary>
/// The base of the URLs MMX puts into answers (public cards, QR cards, stored images):
/// <c>Mmx:PublicWebBaseUrl</c> where an operator set it, else the request's scheme and host. A
/// request's Host header is the client's to choose, so cluster mode (a real deployment) refuses
/// to start unless the base is configured or <c>AllowedHosts</c> names the hosts served (then
/// ASP.NET Core's host filtering refuses any other Host with HTTP 400).
/// </summary>
public static class PublicUrls
{
    public const string Setting = "Mmx:PublicWebBaseUrl";

    public static string Base(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<Hosting.FrontSettings>().PublicWebBaseUrl;
        return configured is { Length: > 0 } ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
    }

    /// <summary>A user's public card (the HTML page behind the profile's <c>qrcode</c>).</summary>
    public static string Card(HttpRequest request, long accId) => $"{Base(request)}/user/{accId}";

    /// <summary>Where a user's QR card (a PNG encoding the public card URL) is served.</summary>
    public static string QrCard(HttpRequest request, long mcode) => $"{Base(request)}/userweb/qcode/{mcode}.png";

    /// <summary>Throws at start when answers would carry whatever Host a client sent.</summary>
    public static void RequireConfiguredHost(IConfiguration configuration)
    {
        var allowedHosts = configuration["AllowedHosts"];
        var hostsOpen = string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';').Any(h => h.Trim() == "*");
        if (hostsOpen && string.IsNullOrWhiteSpace(Grains.Configuration.Settings.Read<Hosting.FrontSettings>(configuration).PublicWebBaseUrl))
        {
            throw new Grains.Configuration.SettingsException(
                $"Cluster mode needs {Setting} (the address phones reach, e.g. https://mmx.example.com) or AllowedHosts " +
                "naming the served hosts: otherwise a forged Host header would put any host into the URLs MMX answers.");
        }
    }
}
