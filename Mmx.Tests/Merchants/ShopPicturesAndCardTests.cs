using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.Merchants;

/// <summary>
/// The portal's shop pictures (upload under the merchant session, then the whole list put back to
/// /shop/{sid}/image) reaching users, and the shop's QR card: a PNG whose code the iOS scanner
/// reads as the shop, leading to its public card; none for a shop users cannot see.
/// </summary>
public sealed class ShopPicturesAndCardTests(ShopPicturesAndCardTests.Api api) : IClassFixture<ShopPicturesAndCardTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<string> Upload(string merchantToken, int side)
    {
        var uploaded = await TestUploads.Upload(api.CreateClient(), merchantToken, TestUploads.NoisePng(side), "shop.png", "image/png");
        Assert.Equal(0, Err(uploaded));
        return (string)uploaded["url"]!;
    }

    private static Task<JsonNode> PutPictures(ApiClient portal, long shopId, string list) =>
        portal.Literal(HttpMethod.Put, $"/shop/{shopId}/image", $$"""{"pic_url_list":"{{list}}"}""", BrowserAgent);

    private static async Task<string[]> Pictures(ApiClient portal, long shopId) =>
        [.. (await portal.Get($"/shop/{shopId}/image"))["shop_img_urls"]!.AsArray().Select(u => (string)u!)];

    private async Task<string[]> SeenByUsers(long shopId) =>
        [.. (await api.NewClient().Get($"/shop/{shopId}"))["pic_url_list"]!.AsArray().Select(u => (string)u!)];

    [Fact]
    public async Task Pictures_uploaded_on_the_portal_are_the_shops_for_users_at_once_in_the_order_put()
    {
        var (portal, shopId, account, _, _, _) = await MerchantTestKit.LiveShop(api);
        var token = (string)(await MerchantTestKit.LogIn(api.NewClient(), account, MerchantTestKit.Password))["token"]!;
        var first = await Upload(token, 40);
        var second = await Upload(token, 48);

        Assert.True((bool)(await PutPictures(portal, shopId, first))["is_success"]!);
        Assert.Equal([first], await SeenByUsers(shopId));
        // The portal puts the new picture first and sends the list back, comma-joined.
        Assert.True((bool)(await PutPictures(portal, shopId, $"{second},{first}"))["is_success"]!);
        Assert.Equal([second, first], await Pictures(portal, shopId));
        Assert.Equal([second, first], await SeenByUsers(shopId));

        // A stranger's host, another merchant, no session: refused, nothing changed.
        Assert.Equal(1, Err(await PutPictures(portal, shopId, $"{second},https://img.example.com/not-ours.jpg")));
        var other = await MerchantTestKit.LiveShop(api);
        Assert.Equal(3, Err(await PutPictures(other.Portal, shopId, second)));
        Assert.Equal(3, Err(await other.Portal.Get($"/shop/{shopId}/image")));
        Assert.Equal(2, Err(await PutPictures(api.NewClient(), shopId, second)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Put, $"/shop/{shopId}/image", "{}", BrowserAgent)));
        Assert.Equal([second, first], await SeenByUsers(shopId));

        // Removing one is the list without it; the last one removed leaves none.
        Assert.True((bool)(await PutPictures(portal, shopId, second))["is_success"]!);
        Assert.Equal([second], await SeenByUsers(shopId));
        Assert.True((bool)(await PutPictures(portal, shopId, ""))["is_success"]!);
        Assert.Empty(await SeenByUsers(shopId));
    }

    [Fact]
    public async Task The_shop_qr_card_scans_as_the_shop_and_leads_to_its_public_card()
    {
        var (_, shopId, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        var page = await api.NewClient().Get($"/shop/{shopId}");
        var cardUrl = (string)page["qrcode"]!;
        Assert.EndsWith($"/shop/{shopId}", cardUrl);

        using var anonymous = api.CreateClient();
        using var response = await anonymous.GetAsync(new Uri((string)page["qcode"]!).PathAndQuery);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var scanned = await QrCodes.Decode(await response.Content.ReadAsByteArrayAsync());
        // The iOS scanner cuts at offset 28 and looks for "shop" in the text.
        Assert.Equal(shopId.ToString(), scanned[Mmx.Api.Http.PublicUrls.ScannerIdOffset..]);
        Assert.Contains("shop", scanned[..Mmx.Api.Http.PublicUrls.ScannerIdOffset]);
        using var html = new HttpRequestMessage(HttpMethod.Get, new Uri(scanned).PathAndQuery);
        html.Headers.Accept.ParseAdd("text/html");
        using var card = await anonymous.SendAsync(html);
        Assert.Equal("text/html", card.Content.Headers.ContentType?.MediaType);
        Assert.Contains((string)page["shop_name"]!, await card.Content.ReadAsStringAsync());

        // A pending shop, and one the operator suspended: no card.
        var pending = await MerchantTestKit.SignUp(api);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/shop/{pending.ShopId}/qcode.png")).StatusCode);
        Assert.Equal(0, Err(await api.NewClient().Send(HttpMethod.Post, $"/admin/shop/{shopId}/status", new { status = "suspended" }, admin: true)));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/shop/{shopId}/qcode.png")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync("/shop/987654321987/qcode.png")).StatusCode);
    }
}
