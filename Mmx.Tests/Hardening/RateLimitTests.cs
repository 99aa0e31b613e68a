namespace Mmx.Tests.Hardening;

/// <summary>The front's per-client limits on sign-in, SMS and bulk routes: HTTP 429 with err 7.</summary>
public sealed class RateLimitTests(RateLimitTests.Api api) : IClassFixture<RateLimitTests.Api>
{
    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string>
    {
        ["Mmx:RateLimits:SignInPerMinute"] = "3",
        ["Mmx:RateLimits:SmsPerMinute"] = "2",
        ["Mmx:RateLimits:BulkPerMinute"] = "1",
    });

    private static async Task<(int Status, int Err)> Post(HttpClient http, string url, string json, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, (int)(await ApiFactory.ReadJson(response))["err"]!);
    }

    [Fact]
    public async Task Sign_in_routes_are_limited_per_client()
    {
        var http = api.CreateClient();
        const string login = """{"mode":2,"type":4,"phone":"13811112222","password":"whatever-1"}""";
        for (var i = 0; i < 3; i++) Assert.Equal((200, 8), await Post(http, "/user/login", login));
        Assert.Equal((429, 7), await Post(http, "/user/login", login));
        Assert.Equal((429, 7), await Post(http, "/user/register", """{"phone":"13811112222","password":"whatever-1"}"""));
    }

    [Fact]
    public async Task Sms_routes_are_limited_per_client()
    {
        var http = api.CreateClient();
        Assert.Equal((200, 0), await Post(http, "/user/gencode", $$"""{"phone":"{{AccountTestKit.NewPhone()}}"}"""));
        Assert.Equal((200, 0), await Post(http, "/user/gencode", $$"""{"phone":"{{AccountTestKit.NewPhone()}}"}"""));
        Assert.Equal((429, 7), await Post(http, "/user/gencode", $$"""{"phone":"{{AccountTestKit.NewPhone()}}"}"""));
    }

    [Fact]
    public async Task Bulk_lookups_are_limited_per_session()
    {
        var http = api.CreateClient();
        const string book = """{"phone":"13800138000","phone_list":["13900000000"]}""";
        // Two sessions: each has its own allowance of one call a minute.
        foreach (var token in new[] { "session-one-garbage", "session-two-garbage" })
        {
            Assert.Equal((200, 2), await Post(http, "/userweb/selectphones", book, token));
            Assert.Equal((429, 7), await Post(http, "/userweb/selectphones", book, token));
        }
    }
}
