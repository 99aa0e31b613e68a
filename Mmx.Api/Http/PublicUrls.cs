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

    /// <summary>A shop's public card (<c>GET /shop/{sid}</c> asked for HTML).</summary>
    public static string ShopCard(HttpRequest request, long sid) => $"{Base(request)}/shop/{sid}";

    /// <summary>Where the iOS scanner reads the id: it cuts the scanned text at this offset.</summary>
    public const int ScannerIdOffset = 28;

    /// <summary>
    /// The text of a user's or shop's QR code in the iOS app's rule: the app cuts the scanned text
    /// at a fixed offset of 28 (the length of the original's <c>http://www.immbear.com/user/</c>)
    /// and looks for "user" or "shop" in it. The text is the card URL padded to put the id there,
    /// on paths that redirect to the card: <c>{base}/user/{id}</c> when the base is exactly 22
    /// characters, <c>{base}/users/{id}</c> at 21, <c>{base}/qq…q/user/{id}</c> below. A base over
    /// 22 characters cannot hold the id at 28: the plain card URL is answered and the front warns
    /// at start (<see cref="ScannerFits"/>).
    /// </summary>
    public static string ScanText(HttpRequest request, string kind, long id) => ScanPrefix(Base(request), kind) + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ScanPrefix(string baseUrl, string kind)
    {
        var plain = $"{baseUrl}/{kind}/";
        var missing = ScannerIdOffset - plain.Length;
        return missing switch
        {
            0 or < 0 => plain,
            1 => $"{baseUrl}/{kind}s/",
            _ => $"{baseUrl}/{new string('q', missing - 1)}/{kind}/",
        };
    }

    /// <summary>
    /// Whether QR texts on this base put the id where the iOS scanner reads it, and name only their
    /// own kind (a base with "user" or "shop" in it would open both of the app's pages).
    /// </summary>
    public static bool ScannerFits(string baseUrl) =>
        ScanPrefix(baseUrl.TrimEnd('/'), "user").Length == ScannerIdOffset
        && !baseUrl.Contains("user", StringComparison.Ordinal) && !baseUrl.Contains("shop", StringComparison.Ordinal);

    /// <summary>Where a user's QR card (a PNG encoding the public card URL) is served.</summary>
    public static string QrCard(HttpRequest request, long mcode) => $"{Base(request)}/userweb/qcode/{mcode}.png";

    /// <summary>Where a shop's QR card (a PNG encoding its public card URL) is served.</summary>
    public static string ShopQrCard(HttpRequest request, long sid) => $"{Base(request)}/shop/{sid}/qcode.png";

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
