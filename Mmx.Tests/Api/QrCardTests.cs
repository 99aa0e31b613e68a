namespace Mmx.Tests.Api;

/// <summary>
/// The qcode URL of /user/personal serves a PNG QR card that decodes (zbarimg) to the user's public
/// card URL, the `qrcode` the shipped apps draw and scan back; the card is a public HTML page.
/// </summary>
public sealed class QrCardTests(QrCardTests.Api api) : IClassFixture<QrCardTests.Api>
{
    public sealed class Api : ApiFactory;

    [Fact]
    public async Task The_qcode_png_decodes_to_the_public_card_url_which_shows_the_mcode()
    {
        var client = api.NewClient();
        var accId = await client.SignUp(AccountTestKit.NewPhone());
        var info = (await client.Get("/user/personal"))["info"]!;
        var mcode = (long)info["mcode"]!;
        var cardUrl = (string)info["qrcode"]!;
        Assert.EndsWith($"/user/{accId}", cardUrl);
        var url = new Uri((string)info["qcode"]!);

        using var anonymous = api.CreateClient();
        using var response = await anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        // The PNG encodes the card URL in the iOS scanner's form: the id at offset 28, on a path that redirects to the card.
        var scanned = await QrCodes.Decode(png);
        var id = cardUrl[(cardUrl.LastIndexOf('/') + 1)..];
        Assert.Equal(id, scanned[Mmx.Api.Http.PublicUrls.ScannerIdOffset..]);
        using var redirect = await api.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri(scanned).PathAndQuery);
        Assert.Equal(new Uri(cardUrl).AbsolutePath, redirect.Headers.Location?.OriginalString);

        using var card = await anonymous.GetAsync(new Uri(cardUrl).PathAndQuery);
        Assert.Equal("text/html", card.Content.Headers.ContentType?.MediaType);
        var html = await card.Content.ReadAsStringAsync();
        Assert.Contains($"m{mcode}", html);
        Assert.DoesNotContain((string)info["phone"]!, html);
    }

    [Theory]
    [InlineData("/userweb/qcode/123456789.png")]
    [InlineData("/userweb/qcode/12345.png")]
    [InlineData("/userweb/qcode/abc")]
    [InlineData("/user/987654321987")]
    public async Task Unknown_or_malformed_cards_are_http_404(string url)
    {
        using var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
