using System.Text.Json.Nodes;
using SkiaSharp;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.ShippedClients;

/// <summary>
/// The uploader the apps send photos and voice clips to (/file/uploader, /chat/file), with real
/// multipart bodies: pictures come back encoded anew without their EXIF (no GPS position), upright;
/// what is not a picture or a voice clip, or is too large, is err 1; the day's allowance is err 6.
/// </summary>
public sealed class UploadTests(UploadTests.Api api) : IClassFixture<UploadTests.Api>
{
    public sealed class Api : ApiFactory
    {
        // Room for a few small pictures a day: a 300 x 300 noise PNG (about 360 KB) uses it up.
        public Api() : base(settings: new Dictionary<string, string> { ["Mmx:Images:UserBytesPerDay"] = "400000" }) { }
    }

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<ApiClient> Member(string password = "secret-pass-1")
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone(), password);
        return client;
    }

    private async Task<byte[]> Served(ApiClient client, string url)
    {
        using var response = await client.Http.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public async Task A_photo_with_a_gps_position_is_stored_without_it_and_upright()
    {
        var client = await Member();
        var photo = TestUploads.JpegWithGps(64, 32);
        Assert.True(Contains(photo, TestUploads.GpsMarker) && Contains(photo, "Exif\0\0"u8));

        var answer = await TestUploads.Upload(client.Http, client.Token, photo, "IMG_0001.JPG", "image/jpeg");
        Assert.Equal(0, Err(answer));
        Assert.Equal("image/jpeg", (string?)answer["content_type"]);
        var stored = await Served(client, (string)answer["url"]!);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(stored)), (string?)answer["md5"]);
        Assert.False(Contains(stored, TestUploads.GpsMarker), "the EXIF text survived");
        Assert.False(Contains(stored, "Exif\0\0"u8), "an EXIF block survived");
        using var decoded = SKBitmap.Decode(stored);
        // Orientation 6: the 64 x 32 pixels stand as 32 x 64.
        Assert.Equal((32, 64), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task The_ios_portrait_flow_uploads_then_sets_the_url()
    {
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "secret-pass-1");
        // personalInformationViewController: ASIFormDataRequest setFile: forKey:@"uploadFile", to the chat host, no session header.
        var http = api.CreateClient();
        var accId = (long)(await client.Get("/user/personal"))["info"]!["mcode"]!;
        var upload = await TestUploads.Upload(http, null, TestUploads.JpegWithGps(40, 40, orientation: 1), "sendPic.png", "application/octet-stream",
            field: "uploadFile", query: $"?u=m{accId}&p={Md5Lower("secret-pass-1")}");
        Assert.Equal(0, Err(upload));
        var url = (string)upload["url"]!;
        Assert.Equal(0, Err(await client.Literal(HttpMethod.Post, "/user/personal", $$"""{"attr":2,"portrait":"{{url}}"}""", IosAgent)));
        Assert.Equal(url, (string?)(await client.Get("/user/personal"))["info"]!["portrait"]);
        using var portrait = SKBitmap.Decode(await Served(client, url));
        Assert.Equal(40, portrait.Width);
    }

    [Fact]
    public async Task A_voice_clip_is_kept_without_its_tag_on_both_paths()
    {
        var client = await Member();
        var clip = TestUploads.Mp3WithId3();
        foreach (var path in new[] { "/file/uploader", "/chat/file" })
        {
            var answer = await TestUploads.Upload(client.Http, client.Token, clip, "audio.mp3", "audio/mp3", path: path);
            Assert.Equal(0, Err(answer));
            Assert.Equal("audio/mp3", (string?)answer["content_type"]);
            var stored = await Served(client, (string)answer["url"]!);
            Assert.Equal(0xFF, stored[0]);
            Assert.False(Contains(stored, "Lavf"u8));
        }
        var amr = "#!AMR\n"u8.ToArray().Concat(new byte[64]).ToArray();
        Assert.Equal("audio/amr", (string?)(await TestUploads.Upload(client.Http, client.Token, amr, "v.amr", "audio/amr"))["content_type"]);
    }

    [Fact]
    public async Task What_is_not_a_picture_or_too_large_is_err_1_and_nothing_is_stored()
    {
        var client = await Member();
        Assert.Equal(1, Err(await TestUploads.Upload(client.Http, client.Token, TestUploads.WindowsProgram(), "photo.jpg", "image/jpeg")));
        // A JPEG's first bytes and then nothing a decoder can read.
        Assert.Equal(1, Err(await TestUploads.Upload(client.Http, client.Token, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], "broken.jpg", "image/jpeg")));
        var huge = new byte[6 * 1024 * 1024];
        TestUploads.NoisePng(8).AsSpan().CopyTo(huge);
        Assert.Equal(1, Err(await TestUploads.Upload(client.Http, client.Token, huge, "big.png", "image/png")));
        var longClip = TestUploads.Mp3WithId3().Concat(new byte[2 * 1024 * 1024]).ToArray();
        Assert.Equal(1, Err(await TestUploads.Upload(client.Http, client.Token, longClip, "long.mp3", "audio/mp3")));
        Assert.Equal(2, Err(await TestUploads.Upload(api.CreateClient(), null, TestUploads.JpegWithGps(8, 8), "a.jpg", "image/jpeg")));
    }

    [Fact]
    public async Task The_days_allowance_is_err_6()
    {
        var client = await Member();
        var noise = TestUploads.NoisePng(300);
        Assert.Equal(0, Err(await TestUploads.Upload(client.Http, client.Token, noise, "a.png", "image/png")));
        Assert.Equal(6, Err(await TestUploads.Upload(client.Http, client.Token, TestUploads.NoisePng(301), "b.png", "image/png")));
        // Another account has its own allowance.
        var other = await Member();
        Assert.Equal(0, Err(await TestUploads.Upload(other.Http, other.Token, TestUploads.NoisePng(302), "c.png", "image/png")));
    }
}
