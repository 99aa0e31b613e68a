using System.Text;
using System.Text.Json.Nodes;

namespace Mmx.Tests.Hardening;

/// <summary>
/// Every route of the route table (a new route is covered without being listed), called by a
/// logged-in user with hostile bodies and query strings: every answer is JSON with an err, never a
/// 500, an HTML page or a stack trace, and the user's data reads the same afterwards.
/// </summary>
public sealed class BadInputSuiteTests(BadInputSuiteTests.Api api) : IClassFixture<BadInputSuiteTests.Api>
{
    public sealed class Api : ApiFactory;

    private static readonly string[] Bodies =
    [
        "{not json",
        "[]",
        "null",
        "\"just a string\"",
        "{\"phone\": {\"nested\": true}, \"password\": 12, \"addrID\": \"x\", \"sid\": -1}",
        "{\"addrID\": 99999999999999999999999, \"count\": 1e400, \"mode\": 1.5, \"type\": true}",
        "{\"name\": \"\", \"address\": \"\", \"remark\": \"\", \"feedback\": \"\", \"phone\": \"\"}",
        "{\"name\": \"a\\u0000b\", \"feedback\": \"\\ud800\", \"remark\": \"\\u202eevil\", \"phone\": \"1' OR '1'='1\"}",
        "{\"shopIDs\": [1, 1, 1], \"goodsIDs\": \"1,2\", \"frdIDs\": [null], \"phone_list\": {\"a\": 1}}",
        "{\"mode\": 1, \"mode\": 2}",
    ];

    private static readonly string[] Queries =
    [
        "?sid=abc&gid=-1&uid=0&city=1.5",
        "?sid=1&sid=2&city=1&city=2",
        "?offset=-1&count=0&limit=999",
        "?count=99999999999999999999&time=-5&direct=9",
        "?name=%00%27%3B%20DROP%20TABLE%20x%3B--&phone=%F0%9F%98%80",
        "?long=NaN&lat=Infinity&city=1",
    ];

    private static string Concrete(string pattern) => pattern
        .Replace("{uid}", "abc").Replace("{id}", "-1").Replace("{ids}", "1,x").Replace("{key}", "%27%22%3C").Replace("{openid}", "..%2F..").Replace("{file}", "x%27%3B.png").Replace("{name}", "..%2F..%2Fetc%2Fpasswd");

    [Fact]
    public async Task Hostile_input_on_every_route_gets_json_errs_and_changes_nothing()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, (int)(await client.Put("/user/address", new { name = "收件人", phone = "13900139000", address = "深圳", postcode = "518057" }))["err"]!);
        var before = await Snapshot(client);

        var routes = RouteTable.Of(api.Services, "/user", "/admin", "/img")
            // Logout takes no input: whatever is sent, it ends the session (that is its job). The
            // event stream takes none either and answers a stream that stays open (MessagesApiTests).
            .Where(r => r.Pattern is not "/user/logout" and not "/user/events")
            .Select(r => (r.Method, Path: Concrete(r.Pattern)))
            .ToList();
        Assert.True(routes.Count > 60, $"only {routes.Count} routes found");

        var calls = 0;
        foreach (var (method, path) in routes)
        {
            foreach (var query in Queries.Prepend(""))
            {
                foreach (var body in method is "GET" ? [(string?)null] : Bodies.Cast<string?>())
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
                    request.Headers.Authorization = new("Bearer", client.Token);
                    // Admin routes get the key, so that their own input checks are reached.
                    if (path.StartsWith("/admin")) request.Headers.Add("X-Admin-Key", ApiFactory.AdminKey);
                    if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await client.Http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var where = $"{method} {path}{query} {body}";
                    Assert.True((int)response.StatusCode < 500, $"{where}: HTTP {(int)response.StatusCode} {text}");
                    Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                    var answer = JsonNode.Parse(text)!;
                    Assert.NotNull(answer["err"]);
                    Assert.DoesNotContain("   at ", text);
                    calls++;
                }
            }
        }

        Assert.Equal(before, await Snapshot(client));
        Console.WriteLine($"bad-input suite: {routes.Count} routes, {calls} hostile calls");
    }

    /// <summary>
    /// The merchant side's routes (/merchant, /shop, /goods) called by a live merchant on its own shop
    /// (so that the inputs reach the checks past ownership) with the same hostile bodies and queries.
    /// Goods and activity ids name none of the shop's: a route that deletes the item it names does
    /// its job whatever the body says.
    /// </summary>
    [Fact]
    public async Task Hostile_input_on_every_merchant_route_gets_json_errs_and_changes_nothing()
    {
        var merchant = await Merchants.MerchantTestKit.LiveShop(api);
        var token = (string)(await Merchants.MerchantTestKit.LogIn(api.NewClient(), merchant.Account, Merchants.MerchantTestKit.Password))["token"]!;
        await Merchants.MerchantTestKit.PublishGoods(merchant.Portal, merchant.ShopId, "坏输入外套");
        Assert.Equal(0, (int)(await merchant.Portal.Put($"/shop/{merchant.ShopId}/introduction", new { introduction = "老字号，童叟无欺" }))["err"]!);
        var before = await MerchantSnapshot(merchant.Portal, merchant.ShopId);

        var routes = RouteTable.Of(api.Services, "/merchant", "/shop", "/goods")
            // Logout ends the session whatever is sent: that is its job.
            .Where(r => r.Pattern is not "/merchant/logout")
            .Select(r => (r.Method, Path: r.Pattern.Replace("{sid}", merchant.ShopId.ToString()).Replace("{gid}", "1").Replace("{aid}", "-1")))
            .ToList();
        Assert.True(routes.Count > 25, $"only {routes.Count} merchant routes found");

        var calls = 0;
        foreach (var (method, path) in routes)
        {
            foreach (var query in Queries.Prepend(""))
            {
                foreach (var body in method is "GET" ? [(string?)null] : Bodies.Cast<string?>())
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
                    request.Headers.Authorization = new("Bearer", token);
                    if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await api.CreateClient().SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var where = $"{method} {path}{query} {body}";
                    Assert.True((int)response.StatusCode < 500, $"{where}: HTTP {(int)response.StatusCode} {text}");
                    // The shop's QR card is a picture; every other answer is JSON with an err.
                    if (path.EndsWith("/qcode.png") && response.IsSuccessStatusCode) continue;
                    Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                    Assert.NotNull(JsonNode.Parse(text)!["err"]);
                    Assert.DoesNotContain("   at ", text);
                    calls++;
                }
            }
        }

        // A body naming no field edits nothing (an absent introduction is not an empty one).
        Assert.Equal(1, (int)(await merchant.Portal.Put($"/shop/{merchant.ShopId}/introduction", new { }))["err"]!);
        Assert.Equal(1, (int)(await merchant.Portal.Put($"/shop/{merchant.ShopId}/image", new { }))["err"]!);
        Assert.Equal(before, await MerchantSnapshot(merchant.Portal, merchant.ShopId));
        Console.WriteLine($"bad-input suite (merchants): {routes.Count} routes, {calls} hostile calls");
    }

    /// <summary>What the merchant's own pages show: contact, service, shop, pictures, introduction, goods, activities, fans.</summary>
    private static async Task<string> MerchantSnapshot(ApiClient portal, long shopId)
    {
        var parts = new List<string>();
        foreach (var url in new[] { $"/merchant/{shopId}/info", $"/merchant/{shopId}/serviceinfo", $"/shop/{shopId}", $"/shop/{shopId}/image",
            $"/shop/{shopId}/introduction", $"/goods?shop_id={shopId}&offset=0&limit=100", $"/shop/{shopId}/activities?offset=0&limit=100", $"/shop/{shopId}/fans?offset=0&limit=100" })
        {
            var answer = await portal.Get(url);
            Assert.Equal(0, (int)answer["err"]!);
            parts.Add(answer.ToJsonString());
        }
        return string.Join("\n", parts);
    }

    /// <summary>What a user's own reads show: profile, addresses, counts, friends, privacy, feedback.</summary>
    private static async Task<string> Snapshot(ApiClient client)
    {
        var parts = new List<string>();
        foreach (var url in new[] { "/user/personal", "/user/address", "/user/ffv/count", "/user/setting/private", "/user/feedback", "/user/friend/invite" })
        {
            var answer = await client.Get(url);
            answer.AsObject().Remove("token");
            parts.Add(answer.ToJsonString());
        }
        parts.Add((await client.Post("/user/friend/diff", new { frdIDs = Array.Empty<long>() })).ToJsonString());
        return string.Join("\n", parts);
    }
}
