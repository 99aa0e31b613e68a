using System.Net;
using System.Text.Json.Nodes;
using Mmx.Tests.ShippedClients;

namespace Mmx.Tests.ThirdParty;

/// <summary>
/// The web client's WeChat login as its page sends it (fd_web_cli routes.js): the code of WeChat's
/// redirect to <c>GET /thirdlogin/wechat</c>, then <c>/user/loginex</c> with the openID and no token,
/// then <c>GET /thirdlogin/wechat/info</c>; against a loopback stub of WeChat's API. The openID is
/// trusted only from the browser that exchanged its code, once, for ten minutes.
/// </summary>
public sealed class WeChatWebLoginTests(ProviderFixture providers) : IClassFixture<ProviderFixture>
{
    private StubHttpServer Stub => providers.Stub;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    /// <summary>The page's loginex body, literally (mode 5, type 4, openID, an empty dev; no accessToken).</summary>
    private static string PageLogin(string openId) => $$"""{"mode":5,"type":4,"openID":"{{openId}}","dev":""}""";

    private void WeChatAnswersCode(string code, string openId) =>
        Stub.On("/sns/oauth2/access_token", StubReply.Json($$"""
            {"access_token":"ACCESS-{{code}}","expires_in":7200,"refresh_token":"REFRESH-{{code}}","openid":"{{openId}}","scope":"snsapi_login","unionid":"o6_union"}
            """));

    private static Task<JsonNode> Exchange(ApiClient browser, string code) =>
        browser.Literal(HttpMethod.Get, $"/thirdlogin/wechat?code={code}", null, ShippedClientRequests.BrowserAgent);

    private static Task<JsonNode> LoginEx(ApiClient browser, string openId) =>
        browser.Literal(HttpMethod.Post, "/user/loginex", PageLogin(openId), ShippedClientRequests.BrowserAgent);

    [Fact]
    public async Task The_pages_flow_exchanges_the_code_server_side_logs_in_and_reads_the_info_at_the_top_level()
    {
        var openId = $"o6_{Guid.NewGuid():N}";
        WeChatAnswersCode("061Code", openId);
        var browser = providers.Api.NewClient();

        var token = await Exchange(browser, "061Code");
        Assert.Equal((0, "ACCESS-061Code", openId), (Err(token), (string?)token["access_token"], (string?)token["openid"]));
        Assert.Null(token["refresh_token"]);
        var query = Stub.Queries[Stub.Requests.FindLastIndex(r => r.Path == "/sns/oauth2/access_token")];
        Assert.Contains($"appid={ProviderFixture.WeChatAppId}", query);
        Assert.Contains($"secret={ProviderFixture.WeChatAppSecret}", query);
        Assert.Contains("code=061Code", query);
        Assert.Contains("grant_type=authorization_code", query);

        var login = await LoginEx(browser, openId);
        Assert.Equal((0, 1), (Err(login), (int)login["isReg"]!));

        Stub.On("/sns/userinfo", StubReply.Json($$"""
            {"openid":"{{openId}}","nickname":"Band","sex":1,"province":"广东","city":"深圳","country":"CN","headimgurl":"https://thirdwx.qlogo.cn/0","privilege":[]}
            """));
        // Signed in by the session cookie loginex set, as the browser is.
        var info = await browser.Literal(HttpMethod.Get, $"/thirdlogin/wechat/info?access_token=ACCESS-061Code&openid={openId}", null,
            ShippedClientRequests.BrowserAgent);
        Assert.Equal((0, "Band", 1, "https://thirdwx.qlogo.cn/0"),
            (Err(info), (string?)info["nickname"], (int)info["sex"]!, (string?)info["headimgurl"]));

        // The account is the same on the page's next visit (a new code for the same person): isReg 0.
        WeChatAnswersCode("062Code", openId);
        Assert.Equal(0, Err(await Exchange(browser, "062Code")));
        var again = await LoginEx(browser, openId);
        Assert.Equal((0, 0, (long)login["accID"]!), (Err(again), (int)again["isReg"]!, (long)again["accID"]!));
    }

    [Fact]
    public async Task The_same_loginex_from_another_client_or_for_another_openID_or_twice_is_refused()
    {
        var openId = $"o6_{Guid.NewGuid():N}";
        WeChatAnswersCode("071Code", openId);
        var browser = providers.Api.NewClient();
        Assert.Equal(0, Err(await Exchange(browser, "071Code")));

        // Someone who knows the openID but holds no cookie of the exchange: err 8 (no token to check).
        Assert.Equal(8, Err(await LoginEx(providers.Api.NewClient(), openId)));
        // The cookie proves this openID only.
        Assert.Equal(8, Err(await LoginEx(browser, $"o6_{Guid.NewGuid():N}")));
        Assert.Equal(0, Err(await LoginEx(browser, openId)));
        // Spent by its login: the same body again needs a new exchange.
        Assert.Equal(8, Err(await LoginEx(browser, openId)));
    }

    [Fact]
    public async Task The_cookie_is_http_only_for_the_login_paths_and_lapses_after_ten_minutes()
    {
        var openId = $"o6_{Guid.NewGuid():N}";
        WeChatAnswersCode("081Code", openId);
        var browser = providers.Api.NewClient();
        using var response = await browser.SendLiteral(HttpMethod.Get, "/thirdlogin/wechat?code=081Code", null, ShippedClientRequests.BrowserAgent);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mmx_wechat=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/user", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(openId, cookie);

        providers.Api.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(8, Err(await LoginEx(browser, openId)));
    }

    [Fact]
    public async Task A_code_WeChat_refuses_sets_no_cookie_and_a_silent_WeChat_is_err_12()
    {
        var openId = $"o6_{Guid.NewGuid():N}";
        Stub.On("/sns/oauth2/access_token", StubReply.Json("""{"errcode":40163,"errmsg":"code been used"}"""));
        var browser = providers.Api.NewClient();
        using (var refused = await browser.SendLiteral(HttpMethod.Get, "/thirdlogin/wechat?code=091Code", null))
        {
            Assert.Equal(8, Err(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!));
            Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("mmx_wechat=", StringComparison.Ordinal)));
        }
        Assert.Equal(8, Err(await LoginEx(browser, openId)));

        Stub.On("/sns/oauth2/access_token", StubReply.Json("{}", HttpStatusCode.BadGateway));
        Assert.Equal(12, Err(await Exchange(browser, "092Code")));
        Assert.Equal(1, Err(await Exchange(browser, "bad%20code")));
        Assert.Equal(1, Err(await browser.Get("/thirdlogin/wechat")));
    }
}
