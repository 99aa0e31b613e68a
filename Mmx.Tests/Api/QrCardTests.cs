using System.Diagnostics;

namespace Mmx.Tests.Api;

/// <summary>The qcode URL of /user/personal serves a PNG QR card that decodes (zbarimg) to the mcode.</summary>
public sealed class QrCardTests(QrCardTests.Api api) : IClassFixture<QrCardTests.Api>
{
    public sealed class Api : ApiFactory;

    [Fact]
    public async Task The_qcode_url_serves_a_png_that_decodes_to_the_mcode()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        var info = (await client.Get("/user/personal"))["info"]!;
        var mcode = (long)info["mcode"]!;
        var url = new Uri((string)info["qcode"]!);

        using var anonymous = api.CreateClient();
        using var response = await anonymous.GetAsync(url.PathAndQuery);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        var file = Path.Combine(Path.GetTempPath(), $"mmx-qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png);
        try
        {
            Assert.Equal(mcode.ToString(), await Decode(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("/userweb/qcode/123456789.png", 4)]
    [InlineData("/userweb/qcode/12345.png", 1)]
    [InlineData("/userweb/qcode/abc", 1)]
    public async Task Unknown_or_malformed_cards_get_the_contracts_err(string url, int err)
    {
        using var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(err, (int)(await ApiFactory.ReadJson(response))["err"]!);
    }

    /// <summary>zbarimg (zbar-tools, installed by test.sh) reads the code in the picture.</summary>
    private static async Task<string> Decode(string file)
    {
        using var zbar = Process.Start(new ProcessStartInfo("zbarimg", ["--raw", "-q", file]) { RedirectStandardOutput = true })!;
        var output = await zbar.StandardOutput.ReadToEndAsync();
        await zbar.WaitForExitAsync();
        Assert.Equal(0, zbar.ExitCode);
        return output.Trim();
    }
}
