using System.Net;

namespace Mmx.Tests.Images;

/// <summary>
/// The embedded default's demo catalogue names its pictures on a host that does not exist; the
/// front draws and serves them itself, so every shop, goods item and category picture a listing
/// answers can be fetched from the front that answered it.
/// </summary>
public sealed class DemoPictureTests(DemoPictureTests.Api api) : IClassFixture<DemoPictureTests.Api>
{
    public sealed class Api : ApiFactory;

    [Fact]
    public async Task Every_picture_of_a_demo_listing_is_a_png_this_front_serves()
    {
        var listing = await api.GetJson("/user/shop?city=1&long=113.94&lat=22.52");
        var pictures = listing["shopList"]!.AsArray().SelectMany(s => s!["picList"]!.AsArray()).Select(p => (string)p!).ToList();
        Assert.NotEmpty(pictures);
        var client = api.CreateClient();
        foreach (var url in pictures.Take(6))
        {
            Assert.DoesNotContain("img.mmx.example", url);
            var uri = new Uri(url);
            Assert.Equal("127.0.0.1", uri.Host);
            using var response = await client.GetAsync(uri.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
        // The same name is the same picture; another name another one.
        var first = await client.GetByteArrayAsync(new Uri(pictures[0]).PathAndQuery);
        Assert.Equal(first, await client.GetByteArrayAsync(new Uri(pictures[0]).PathAndQuery));
        Assert.NotEqual(first, await client.GetByteArrayAsync(new Uri(pictures[1]).PathAndQuery));
    }

    [Fact]
    public async Task A_name_the_demo_catalogue_does_not_hold_is_404()
    {
        using var response = await api.CreateClient().GetAsync("/demo/img/shop/9999-1.jpg");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
