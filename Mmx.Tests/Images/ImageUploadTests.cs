using Microsoft.Extensions.Configuration;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Mmx.Api.Images;

namespace Mmx.Tests.Images;

/// <summary>
/// /userweb/imgupload against loopback stubs: every way of pointing the fetcher at loopback is
/// refused before the stub sees a request, unless the host is allow-listed; an allow-listed image
/// is stored and served back byte for byte under /img/. Only loopback is ever connected to:
/// private and metadata ranges are tested on <see cref="AddressPolicy"/> alone.
/// </summary>
public sealed class ImageUploadTests(ImageUploadTests.Api api) : IClassFixture<ImageUploadTests.Api>
{
    public const string AllowedHost = "pics.allowed.test";
    public const string SneakyHost = "pics.sneaky.test";
    /// <summary>A small daily allowance per account, so that a test can use it up.</summary>
    public const long UserBytesPerDay = 10_000;

    public sealed class Api : ApiFactory, IAsyncLifetime
    {
        public StubHttpServer Images { get; } = new();
        public StubHttpServer Inside { get; } = new();

        public Api() : base(settings: new Dictionary<string, string>
        {
            ["Mmx:Images:AllowHosts"] = AllowedHost,
            ["Mmx:Images:UserBytesPerDay"] = UserBytesPerDay.ToString(),
        })
        {
        }

        /// <summary>Both test names resolve to loopback; only one is allow-listed. Other names go to the system resolver.</summary>
        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IHostResolver>(new MappedResolver(new Dictionary<string, IPAddress>
            {
                [AllowedHost] = IPAddress.Loopback,
                [SneakyHost] = IPAddress.Loopback,
            }));

        public Task InitializeAsync() => Task.CompletedTask;

        async Task IAsyncLifetime.DisposeAsync()
        {
            await Images.DisposeAsync();
            await Inside.DisposeAsync();
        }
    }

    private sealed class MappedResolver(Dictionary<string, IPAddress> names) : IHostResolver
    {
        public Task<IPAddress[]> Resolve(string host, CancellationToken cancellation) =>
            names.TryGetValue(host, out var address) ? Task.FromResult(new[] { address }) : new DnsHostResolver().Resolve(host, cancellation);
    }

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<ApiClient> SignedIn()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        return client;
    }

    private static string Upload(string url) => "/userweb/imgupload?url=" + Uri.EscapeDataString(url);

    [Theory]
    [InlineData("/cat.png", "image/png")]
    [InlineData("/cat.jpg", "image/jpeg")]
    public async Task An_allow_listed_image_is_stored_and_served_back_byte_for_byte(string path, string contentType)
    {
        var bytes = contentType == "image/png" ? Png : Jpeg;
        // The source claims a wrong content type: the bytes decide.
        api.Images.On(path, new StubReply(HttpStatusCode.OK, bytes, "application/octet-stream"));
        var client = await SignedIn();
        var answer = await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}{path}"));
        Assert.Equal(0, Err(answer));
        Assert.True((bool)answer["is_success"]!);
        var stored = new Uri((string)answer["url"]!);
        Assert.StartsWith("/img/", stored.AbsolutePath);

        using var anonymous = api.CreateClient();
        using var response = await anonymous.GetAsync(stored.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());

        // The same image again is the same stored URL.
        Assert.Equal((string)answer["url"]!, (string)(await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}{path}")))["url"]!);
    }

    [Fact]
    public async Task An_account_that_used_up_its_daily_allowance_is_refused_until_the_next_day()
    {
        var client = await SignedIn();
        // Distinct 4 KB images (a PNG's signature, then filler): the third does not fit in 10,000 bytes.
        byte[] Big(byte fill) => [.. Png.AsSpan(0, 16), .. Enumerable.Repeat(fill, 4_000)];
        for (byte i = 1; i <= 3; i++) api.Images.On($"/big{i}.png", new StubReply(HttpStatusCode.OK, Big(i), "image/png"));
        Assert.Equal(0, Err(await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}/big1.png"))));
        Assert.Equal(0, Err(await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}/big2.png"))));
        Assert.Equal(6, Err(await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}/big3.png"))));
        // Another account has its own allowance; the first gets a new one the next day.
        Assert.Equal(0, Err(await (await SignedIn()).Get(Upload($"http://{AllowedHost}:{api.Images.Port}/big3.png"))));
        api.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, Err(await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}/big3.png"))));
    }

    [Fact]
    public async Task The_store_refuses_new_images_beyond_its_disk_budget()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mmx-test-budget", Guid.NewGuid().ToString("N"));
        try
        {
            var store = new FolderImageStore(new ImageSettings { Folder = folder, MaxStoreBytes = 100 }, Microsoft.Extensions.Logging.Abstractions.NullLogger<FolderImageStore>.Instance);
            var kind = ImageKind.OfExtension("png")!;
            await store.Save([.. Png.AsSpan(0, 16), .. new byte[60]], kind, default);
            var full = await Assert.ThrowsAsync<Mmx.Api.Errors.ApiException>(() => store.Save([.. Png.AsSpan(0, 16), .. new byte[61]], kind, default));
            Assert.Equal(Mmx.Grains.Err.LimitReached, full.Err);
            // An image already stored costs nothing again.
            await store.Save([.. Png.AsSpan(0, 16), .. new byte[60]], kind, default);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_form_of_loopback_is_refused_before_a_request_is_sent()
    {
        api.Images.On("/secret.png", new StubReply(HttpStatusCode.OK, Png, "image/png"));
        var client = await SignedIn();
        var port = api.Images.Port;
        var before = api.Images.RequestCount;
        string[] urls =
        [
            $"http://127.0.0.1:{port}/secret.png",
            $"http://localhost:{port}/secret.png",
            $"http://[::1]:{port}/secret.png",
            $"http://[::ffff:127.0.0.1]:{port}/secret.png",
            $"http://127.1:{port}/secret.png",
            $"http://2130706433:{port}/secret.png",
            $"http://0x7f000001:{port}/secret.png",
            $"http://{SneakyHost}:{port}/secret.png",
            $"http://{SneakyHost}.:{port}/secret.png",
        ];
        foreach (var url in urls)
        {
            var answer = await client.Get(Upload(url));
            Assert.True(Err(answer) == 1, $"{url} answered {answer.ToJsonString()}");
        }
        Assert.Equal(before, api.Images.RequestCount);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://pics.allowed.test/cat.png")]
    [InlineData("gopher://127.0.0.1:70/_GET")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("//pics.allowed.test/cat.png")]
    [InlineData("not a url")]
    public async Task Other_schemes_and_non_urls_are_err_1(string url)
    {
        var client = await SignedIn();
        Assert.Equal(1, Err(await client.Get(Upload(url))));
    }

    [Fact]
    public async Task A_redirect_to_an_internal_address_is_not_followed_there()
    {
        api.Inside.On("/admin.png", new StubReply(HttpStatusCode.OK, Png, "image/png"));
        api.Images.On("/moved.png", new StubReply(HttpStatusCode.Found, [], "text/plain")
        {
            Headers = new Dictionary<string, string> { ["Location"] = $"http://127.0.0.1:{api.Inside.Port}/admin.png" },
        });
        var client = await SignedIn();
        var answer = await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}/moved.png"));
        Assert.Equal(1, Err(answer));
        Assert.Equal(0, api.Inside.RequestCount);
    }

    [Fact]
    public async Task Oversize_non_image_and_failing_sources_are_refused_and_nothing_is_stored()
    {
        var big = new byte[ImageFetcher.MaxBytes + 1];
        Png.CopyTo(big, 0);
        api.Images.On("/big.png", new StubReply(HttpStatusCode.OK, big, "image/png"));
        api.Images.On("/page.png", new StubReply(HttpStatusCode.OK, "<html><body>not a picture</body></html>"u8.ToArray(), "image/png"));
        api.Images.On("/broken.png", new StubReply(HttpStatusCode.InternalServerError, [], "text/plain"));
        var client = await SignedIn();
        var stored = Directory.Exists(api.ImageFolder) ? Directory.GetFiles(api.ImageFolder).Length : 0;

        Assert.Equal(1, Err(await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}/big.png"))));
        Assert.Equal(1, Err(await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}/page.png"))));
        Assert.Equal(12, Err(await client.Get(Upload($"http://{AllowedHost}:{api.Images.Port}/broken.png"))));
        Assert.Equal(stored, Directory.GetFiles(api.ImageFolder).Length);
    }

    [Theory]
    [InlineData("/img/0000000000000000000000000000000000000000000000000000000000000000.png")]
    [InlineData("/img/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/img/cat.exe")]
    public async Task Unknown_or_invalid_image_names_are_404_json(string path)
    {
        using var response = await api.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_needs_a_session()
    {
        Assert.Equal(2, Err(await api.NewClient().Get(Upload($"http://{AllowedHost}:{api.Images.Port}/cat.png"))));
    }
}
