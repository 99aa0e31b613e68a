using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Mmx.Api.Providers;

namespace Mmx.Tests.ThirdParty;

/// <summary>
/// Login verification and the user-info look-ups of QQ, WeChat, Weibo and Alipay against a loopback
/// stub answering in the providers' documented response shapes, including their refusals, server
/// errors, bodies that are not JSON and answers that come too late.
/// </summary>
public sealed class ProviderClientTests(ProviderFixture providers) : IClassFixture<ProviderFixture>
{
    private StubHttpServer Stub => providers.Stub;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private static object Login(int mode, string openID, string? accessToken) =>
        new { mode, type = 4, openID, accessToken, dev = "IMEI-9" };

    private async Task<ApiClient> SignedIn()
    {
        var client = providers.Api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        return client;
    }

    [Fact]
    public async Task Qq_login_checks_the_token_with_the_provider_and_lands_in_the_same_account_twice()
    {
        var openId = $"QQ{Guid.NewGuid():N}".ToUpperInvariant();
        Stub.On("/oauth2.0/me", StubReply.Json($$"""{"client_id":"{{ProviderFixture.QqAppId}}","openid":"{{openId}}"}"""));
        var client = providers.Api.NewClient();

        var first = await client.Post("/user/login", Login(4, openId, "qq-token-1"));
        var second = await client.Post("/user/login", Login(4, openId, "qq-token-1"));
        Assert.Equal((0, 1), (Err(first), (int)first["isReg"]!));
        Assert.Equal((0, 0), (Err(second), (int)second["isReg"]!));
        Assert.Equal((long)first["accID"]!, (long)second["accID"]!);
        Assert.Contains(Stub.Queries, q => q.Contains("access_token=qq-token-1") && q.Contains("fmt=json"));

        // The same token claimed for another openID, no token, a token of another app, a refused one: err 8.
        Assert.Equal(8, Err(await client.Post("/user/login", Login(4, "SOMEONE-ELSE", "qq-token-1"))));
        Assert.Equal(8, Err(await client.Post("/user/login", Login(4, openId, null))));
        Stub.On("/oauth2.0/me", StubReply.Json($$"""{"client_id":"999","openid":"{{openId}}"}"""));
        Assert.Equal(8, Err(await client.Post("/user/login", Login(4, openId, "qq-token-1"))));
        Stub.On("/oauth2.0/me", StubReply.Json("""{"error":100016,"error_description":"access token check failed"}"""));
        Assert.Equal(8, Err(await client.Post("/user/login", Login(4, openId, "qq-token-1"))));
        // QQ's JSONP wrapping is read too.
        Stub.On("/oauth2.0/me", StubReply.Json($$"""callback( {"client_id":"{{ProviderFixture.QqAppId}}","openid":"{{openId}}"} );"""));
        Assert.Equal(0, Err(await client.Post("/user/login", Login(4, openId, "qq-token-1"))));
    }

    [Fact]
    public async Task A_third_party_account_without_phone_or_password_is_erased_only_with_a_token_its_provider_accepts()
    {
        var openId = $"QQ{Guid.NewGuid():N}".ToUpperInvariant();
        Stub.On("/oauth2.0/me", StubReply.Json($$"""{"client_id":"{{ProviderFixture.QqAppId}}","openid":"{{openId}}"}"""));
        var client = providers.Api.NewClient();
        var login = await client.Post("/user/login", Login(4, openId, "qq-token-del"));
        client.Token = (string)login["token"]!;

        // No token, or one the provider refuses: err 8, and the account is still there.
        Assert.Equal(8, Err(await client.Post("/user/delete", new { })));
        Stub.On("/oauth2.0/me", StubReply.Json("""{"error":100016,"error_description":"access token check failed"}"""));
        Assert.Equal(8, Err(await client.Post("/user/delete", new { accessToken = "stolen-session-only" })));
        Assert.Equal(0, Err(await client.Get("/user/personal")));

        Stub.On("/oauth2.0/me", StubReply.Json($$"""{"client_id":"{{ProviderFixture.QqAppId}}","openid":"{{openId}}"}"""));
        Assert.Equal(0, Err(await client.Post("/user/delete", new { accessToken = "qq-token-del" })));
        Assert.Contains(Stub.Queries, q => q.Contains("access_token=qq-token-del"));
        // Erased: the openID's next login makes a new account.
        var again = await providers.Api.NewClient().Post("/user/login", Login(4, openId, "qq-token-del"));
        Assert.Equal((0, 1), (Err(again), (int)again["isReg"]!));
        Assert.NotEqual((long)login["accID"]!, (long)again["accID"]!);
    }

    [Fact]
    public async Task Qq_info_answers_the_providers_user_info_and_refusals_are_err_8()
    {
        var client = await SignedIn();
        Stub.On("/user/get_user_info", StubReply.Json(
            """{"ret":0,"msg":"","is_lost":0,"nickname":"小明","gender":"男","figureurl_qq_1":"http://q.qlogo.cn/1/40","figureurl_qq_2":"http://q.qlogo.cn/1/100"}"""));
        var answer = await client.Get("/userweb/qqinfo/OPENID42?assess_token=tok%2B1");
        Assert.Equal(0, Err(answer));
        Assert.True((bool)answer["is_success"]!);
        Assert.Equal("小明", (string?)answer["userinfo"]!["nickname"]);
        Assert.Contains(Stub.Queries, q => q.Contains("access_token=tok%2B1") && q.Contains($"oauth_consumer_key={ProviderFixture.QqAppId}") && q.Contains("openid=OPENID42"));

        Stub.On("/user/get_user_info", StubReply.Json("""{"ret":1002,"msg":"请先登录"}"""));
        Assert.Equal(8, Err(await client.Get("/userweb/qqinfo/OPENID42?access_token=tok")));
        Assert.Equal(1, Err(await client.Get("/userweb/qqinfo/OPENID42")));
        Assert.Equal(1, Err(await client.Get("/userweb/qqinfo/bad%20id?access_token=tok")));
    }

    [Fact]
    public async Task WeChat_info_and_login_use_sns_userinfo_and_sns_auth()
    {
        var client = await SignedIn();
        Stub.On("/sns/userinfo", StubReply.Json(
            """{"openid":"o6_bmjrPTlm6_2sgVt7hMZOPfL2M","nickname":"Band","sex":1,"province":"广东","city":"深圳","country":"CN","headimgurl":"https://thirdwx.qlogo.cn/0","privilege":[],"unionid":"o6_bmasdasdsad6_2sgVt7hMZOPfL"}"""));
        var answer = await client.Get("/userweb/thirdlogin/wechat/info?access_token=wx-token&open_id=o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
        Assert.Equal((0, "Band"), (Err(answer), (string?)answer["userinfo"]!["nickname"]));
        Stub.On("/sns/userinfo", StubReply.Json("""{"errcode":40003,"errmsg":"invalid openid"}"""));
        Assert.Equal(8, Err(await client.Get("/userweb/thirdlogin/wechat/info?access_token=wx-token&open_id=o6_bmjrPTlm6_2sgVt7hMZOPfL2M")));

        var openId = $"o6_{Guid.NewGuid():N}";
        Stub.On("/sns/auth", StubReply.Json("""{"errcode":0,"errmsg":"ok"}"""));
        Assert.Equal(0, Err(await client.Post("/user/login", Login(5, openId, "wx-token"))));
        Stub.On("/sns/auth", StubReply.Json("""{"errcode":40003,"errmsg":"invalid openid"}"""));
        Assert.Equal(8, Err(await client.Post("/user/login", Login(5, openId, "wx-token"))));
    }

    [Fact]
    public async Task Weibo_info_trades_the_code_for_a_token_of_that_uid()
    {
        var client = await SignedIn();
        Stub.On("/oauth2/access_token", StubReply.Json("""{"access_token":"2.00ABC","expires_in":1234,"remind_in":"798114","uid":"1404376560"}"""));
        Stub.On("/2/users/show.json", StubReply.Json("""{"id":1404376560,"idstr":"1404376560","screen_name":"zaku","name":"zaku","gender":"m","profile_image_url":"http://tp1.sinaimg.cn/1404376560/50/0/1"}"""));
        var answer = await client.Get("/userweb/weiboinfo/1404376560?code=auth-code-1");
        Assert.Equal((0, "zaku"), (Err(answer), (string?)answer["userinfo"]!["screen_name"]));
        var exchange = Stub.Requests.Last(r => r.Path == "/oauth2/access_token");
        Assert.Equal("POST", exchange.Method);
        Assert.Contains("code=auth-code-1", exchange.Body);
        Assert.Contains("client_secret=weibo-secret", exchange.Body);
        Assert.Contains("grant_type=authorization_code", exchange.Body);

        // A code issued to another uid does not open this uid's info.
        Assert.Equal(8, Err(await client.Get("/userweb/weiboinfo/999?code=auth-code-1")));
        Stub.On("/oauth2/access_token", StubReply.Json("""{"error":"invalid_grant","error_code":21325,"request":"/oauth2/access_token","error_uri":"/oauth2/access_token","error_description":"invalid authorization code"}""", HttpStatusCode.BadRequest));
        Assert.Equal(8, Err(await client.Get("/userweb/weiboinfo/1404376560?code=used")));
    }

    [Fact]
    public async Task Weibo_login_checks_uid_and_app_key_of_the_token()
    {
        var uid = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();
        var client = providers.Api.NewClient();
        Stub.On("/oauth2/get_token_info", StubReply.Json($$"""{"uid":{{uid}},"appkey":{{ProviderFixture.WeiboAppKey}},"scope":null,"create_at":1352267591,"expire_in":157679471}"""));
        Assert.Equal(0, Err(await client.Post("/user/login", Login(6, uid, "2.00wb"))));
        Assert.Contains(Stub.Requests, r => r.Path == "/oauth2/get_token_info" && r.Body == "access_token=2.00wb");
        Stub.On("/oauth2/get_token_info", StubReply.Json($$"""{"uid":{{uid}},"appkey":1,"scope":null,"create_at":1352267591,"expire_in":157679471}"""));
        Assert.Equal(8, Err(await client.Post("/user/login", Login(6, uid, "2.00wb"))));
    }

    [Fact]
    public async Task Alipay_login_signs_its_call_and_checks_the_answers_signature()
    {
        var userId = $"2088{Random.Shared.NextInt64(100_000_000_000, 999_999_999_999)}";
        var share = $$"""{"code":"10000","msg":"Success","user_id":"{{userId}}","avatar":"https://tfs.alipayobjects.com/images/partner/T1","nick_name":"支付宝用户"}""";
        Stub.On("/gateway.do", AlipayAnswer(share, providers.AlipayKey));
        var client = providers.Api.NewClient();
        var login = await client.Post("/user/login", Login(7, userId, "authusrB1"));
        Assert.Equal((0, 1), (Err(login), (int)login["isReg"]!));

        // The request is signed with the app's key over Alipay's signing text.
        var fields = Stub.Requests.Last(r => r.Path == "/gateway.do").Body.Split('&')
            .Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));
        Assert.Equal(("alipay.user.info.share", "authusrB1", "RSA2"), (fields["method"], fields["auth_token"], fields["sign_type"]));
        Assert.True(providers.AppKey.VerifyData(Encoding.UTF8.GetBytes(AlipayProvider.SigningText(fields)),
            Convert.FromBase64String(fields["sign"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        // An answer signed by someone else is not believed (err 12); a refusal is err 8.
        using var forger = RSA.Create(2048);
        Stub.On("/gateway.do", AlipayAnswer(share, forger));
        Assert.Equal(12, Err(await client.Post("/user/login", Login(7, userId, "authusrB1"))));
        Stub.On("/gateway.do", AlipayAnswer("""{"code":"20001","msg":"Invalid Arguments","sub_code":"isv.invalid-auth-token","sub_msg":"无效的访问令牌"}""", providers.AlipayKey));
        Assert.Equal(8, Err(await client.Post("/user/login", Login(7, userId, "authusrB1"))));
    }

    private static StubReply AlipayAnswer(string share, RSA signer)
    {
        var sign = Convert.ToBase64String(signer.SignData(Encoding.UTF8.GetBytes(share), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return StubReply.Json($$"""{"alipay_user_info_share_response":{{share}},"sign":"{{sign}}"}""");
    }

    [Fact]
    public async Task A_provider_that_fails_answers_garbage_or_is_too_slow_is_err_12_not_a_hung_request()
    {
        var client = await SignedIn();
        const string url = "/userweb/thirdlogin/wechat/info?access_token=t&open_id=o1";
        Stub.On("/sns/userinfo", StubReply.Json("""{"errcode":-1,"errmsg":"system error"}""", HttpStatusCode.ServiceUnavailable));
        Assert.Equal(12, Err(await client.Get(url)));
        Stub.On("/sns/userinfo", new StubReply(HttpStatusCode.OK, "<html>502 Bad Gateway</html>"u8.ToArray(), "text/html"));
        Assert.Equal(12, Err(await client.Get(url)));
        // The stub would answer a valid body after 4 s; the front's budget is 3 s.
        Stub.On("/sns/userinfo", StubReply.Json("""{"openid":"o1","nickname":"late"}""") with { Delay = TimeSpan.FromSeconds(4) });
        Assert.Equal(12, Err(await client.Get(url)));
        Stub.On("/sns/auth", StubReply.Json("""{"errcode":0,"errmsg":"ok"}""") with { Delay = TimeSpan.FromSeconds(4) });
        Assert.Equal(12, Err(await client.Post("/user/login", Login(5, "o-late", "t"))));
    }
}
