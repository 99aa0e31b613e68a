using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;
using Data = Mmx.Tests.ShippedClients.ShippedClientCatalogue;

namespace Mmx.Tests.ShippedClients;

/// <summary>
/// What the third replay of the shipped clients found, each request sent as the client sends it
/// and its answer read as the client reads it (issue 33, "What the replays still show").
/// </summary>
public sealed class RoundThreeReplayTests(RoundThreeReplayTests.Api api) : IClassFixture<RoundThreeReplayTests.Api>
{
    public sealed class Api : ApiFactory
    {
        public Api() : base(settings: new Dictionary<string, string> { ["Mmx:PublicWebBaseUrl"] = "https://mmx.test" }) { }
    }

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<(ApiClient Client, long Id)> Member()
    {
        var client = api.NewClient();
        return (client, await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016"));
    }

    [Fact]
    public async Task A_new_accounts_city_is_null_for_the_ios_app_and_0_on_the_contract()
    {
        var (client, _) = await Member();
        var legacy = (await client.Literal(HttpMethod.Get, "/user/personal", null, IosAgent))["info"]!.AsObject();
        Assert.True(legacy.ContainsKey("city"), "the iOS app reads city: it must be there, as null");
        Assert.Null(legacy["city"]);
        Assert.Equal(0, (long)(await client.Get("/user/personal"))["info"]!["city"]!);

        await Data.Import(api);
        Assert.Equal(0, Err(await client.Post("/user/personal", new { attr = 4, city = Data.City })));
        Assert.Equal(Data.City, (long)(await client.Literal(HttpMethod.Get, "/user/personal", null, IosAgent))["info"]!["city"]!);
    }

    [Fact]
    public async Task The_ios_stranger_page_invites_by_m_and_the_user_id_in_mode_2()
    {
        var (inviter, _) = await Member();
        var (invitee, inviteeId) = await Member();
        // friendsDetailViewController: @{@"mode":2, @"mcode":[NSString stringWithFormat:@"m%@", frdIDString], @"remark":...}
        var answer = await inviter.Literal(HttpMethod.Post, "/user/friend/invite", $$"""{"mode":2,"mcode":"m{{inviteeId}}","remark":"你好"}""", IosAgent);
        Assert.Equal(0, Err(answer));
        Assert.Single((await invitee.Get("/user/friend/invite"))["inviteList"]!.AsArray());

        Assert.Equal(4, Err(await inviter.Literal(HttpMethod.Post, "/user/friend/invite", """{"mode":2,"mcode":"m999999","remark":""}""", IosAgent)));
    }

    [Fact]
    public async Task A_json_body_labelled_text_plain_is_read_as_json()
    {
        var (client, _) = await Member();
        var added = await client.Put("/user/address", new { name = "收件人", phone = "13900139000", address = "深圳市南山区", postcode = "518057" });
        var id = (long)added["addrID"]!;
        // AngularJS $http DELETE with data, as the web client's settings page sends it: the browser labels it text/plain.
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/user/address")
        {
            Content = new StringContent($$"""{"addrID":{{id}}}""", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new("Bearer", client.Token);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Err(await ApiFactory.ReadJson(response)));
        Assert.Empty((await client.Get("/user/address"))["addressList"]!.AsArray());
    }

    [Fact]
    public async Task The_web_chat_search_reads_the_portrait_as_the_first_of_a_list()
    {
        var (searcher, _) = await Member();
        var phone = AccountTestKit.NewPhone();
        var found = api.NewClient();
        await IosSignUp(found, phone, "miao-Pass-2016");
        Assert.Equal(0, Err(await found.Post("/user/personal", new { attr = 2, portrait = "https://img.test/me.png" })));

        var answer = await searcher.Get($"/userweb/search/{phone}");
        // chatroomCtrl.js: findUser.userPortrait = data.users[0].portrait_url[0]
        Assert.Equal("https://img.test/me.png", (string?)answer["users"]![0]!["portrait_url"]![0]);
        Assert.Equal("https://img.test/me.png", (string?)answer["portrait_url"]);
    }

    [Fact]
    public async Task The_web_client_reads_a_shops_name_and_pictures_from_get_shop()
    {
        await Data.Import(api);
        var web = api.NewClient();
        // messageCtrl.js / shopsCtrl.js: $http.get(host + '/shop/' + id) -> res.shop_name, res.pic_url_list[0]
        var shop = await web.Literal(HttpMethod.Get, $"/shop/{Data.Uniqlo}", null, BrowserAgent, ("Accept", "application/json, text/plain, */*"));
        Assert.Equal(0, Err(shop));
        Assert.Equal("优衣库", (string?)shop["shop_name"]);
        Assert.Equal("https://img.test/u1.png", (string?)shop["pic_url_list"]![0]);
        Assert.Equal(4, Err(await web.Literal(HttpMethod.Get, "/shop/987654", null, BrowserAgent)));

        // A browser that opens the shop's card gets its page.
        using var page = await web.SendLiteral(HttpMethod.Get, $"/shop/{Data.Uniqlo}", null, ("Accept", "text/html,application/xhtml+xml"));
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("优衣库", await page.Content.ReadAsStringAsync());
        using var missing = await web.SendLiteral(HttpMethod.Get, "/shop/987654", null, ("Accept", "text/html"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Goods_info_carries_detail_brand_remark_and_barcode()
    {
        var imported = await api.Import("""
            {"shops": [{"id": 9791, "name": "细节店", "city": 9701, "category": 9751, "long": 114, "lat": 22.5}],
             "cities": [{"id": 9701, "name": "测试城"}],
             "categories": [{"id": 9750, "name": "服装", "parent": 0}, {"id": 9751, "name": "外套", "parent": 9750}],
             "goods": [{"id": 9792, "shop": 9791, "desp": "风衣", "price": 300, "time": 1700000000, "barcode": "6901234567001",
                        "detail": "双排扣，防泼水", "brand": "长城", "remark": "手洗"}]}
            """);
        Assert.Equal(0, Err(imported));
        // shopDelCtrl.js: goods.info.brandName / detail / remark ('-' when empty)
        var info = (await api.NewClient().Literal(HttpMethod.Get, "/user/goods/info?gid=9792", null, BrowserAgent))["info"]!;
        Assert.Equal(("双排扣，防泼水", "长城", "手洗", "6901234567001"),
            ((string?)info["detail"], (string?)info["brandName"], (string?)info["remark"], (string?)info["barcode"]));
    }

    /// <summary>
    /// ViewController.m: <c>subString = [str substringFromIndex:28]</c>, then "user" or "shop" in
    /// the text picks the page. The legacy qrcode puts the id there on any short public base, and
    /// the padded URL leads to the card.
    /// </summary>
    [Fact]
    public async Task The_ios_scanner_reads_the_user_and_shop_ids_at_offset_28()
    {
        await Data.Import(api);
        var (client, id) = await Member();
        var text = (string)(await client.Literal(HttpMethod.Get, "/user/personal", null, IosAgent))["info"]!["qrcode"]!;
        Assert.Equal(id.ToString(), text[28..]);
        Assert.Contains("user", text[..28]);
        Assert.DoesNotContain("shop", text);
        Assert.StartsWith("https://mmx.test/", text);
        // The contract's qrcode stays the card URL.
        Assert.Equal($"https://mmx.test/user/{id}", (string?)(await client.Get("/user/personal"))["info"]!["qrcode"]);

        var shopText = (string)(await client.Literal(HttpMethod.Get, $"/shop/{Data.Uniqlo}", null, IosAgent))["qrcode"]!;
        Assert.Equal(Data.Uniqlo.ToString(), shopText[28..]);
        Assert.Contains("shop", shopText[..28]);
        Assert.DoesNotContain("user", shopText);

        foreach (var (scanned, card) in new[] { (text, $"/user/{id}"), (shopText, $"/shop/{Data.Uniqlo}") })
        {
            using var redirect = await api.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri(scanned).PathAndQuery);
            Assert.True(redirect.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect, $"{scanned}: HTTP {(int)redirect.StatusCode}");
            Assert.Equal(card, redirect.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [InlineData("https://mmx.cn")]
    [InlineData("https://mmx.example.cn")]
    [InlineData("http://www.immbear.com")]
    [InlineData("https://m.cn")]
    public void Every_short_base_puts_the_id_at_28(string baseUrl)
    {
        foreach (var kind in new[] { "user", "shop" })
        {
            var prefix = Mmx.Api.Http.PublicUrls.ScanPrefix(baseUrl, kind);
            Assert.Equal(28, prefix.Length);
            Assert.StartsWith(baseUrl + "/", prefix);
            Assert.EndsWith($"/{kind}/", prefix.Replace($"/{kind}s/", $"/{kind}/"));
        }
        Assert.True(Mmx.Api.Http.PublicUrls.ScannerFits(baseUrl));
        Assert.False(Mmx.Api.Http.PublicUrls.ScannerFits("https://mmx-backend.example.com"));
    }
}
