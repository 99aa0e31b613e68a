using System.Text.Json.Nodes;

namespace Mmx.Tests.Hardening;

/// <summary>
/// Every route of the app that is not public by the contract, taken from the route table (so a new
/// route is covered without being listed here), called with no token, a garbage token, a
/// logged-out token and an expired one: err 2 every time.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Api api) : IClassFixture<AuthorizationMatrixTests.Api>
{
    public sealed class Api : ApiFactory;

    /// <summary>The contract's public routes ("Sessions"), as METHOD path patterns.</summary>
    private static readonly HashSet<string> Public =
    [
        "POST /user/login", "POST /user/loginex", "POST /user/register", "POST /user/gencode", "POST /user/vercode", "POST /user/resetpw",
        "GET /user/city", "GET /user/category", "GET /user/version", "GET /user/shop/recommend", "GET /user/shop",
        "GET /user/shop/search", "GET /user/shop/name", "GET /user/shop/info", "GET /user/shop/activity",
        "GET /user/activity", "GET /user/goods", "GET /user/goods/info", "GET /user/goods/fit",
        "GET /userweb/activity/{id}", "GET /userweb/shopgoods/{ids}",
        // Beyond the contract's list: the QR card only shows the mcode it is for (docs/decisions.md).
        "GET /userweb/qcode/{file}",
        // The public card the QR code points at: nickname, portrait and mcode only.
        "GET /user/{accId}",
    ];

    /// <summary>The merchant side's routes open without a merchant session (contract: "Merchants"): sign-up, login, logout, the reset; the public shop page and its QR card.</summary>
    private static readonly HashSet<string> MerchantPublic =
    [
        "POST /merchant", "GET /merchant/isexist", "POST /merchant/login", "GET /merchant/logout", "POST /merchant/logout",
        "GET /merchant/forgetpassword", "POST /merchant/forgetpassword", "GET /shop/{sid}", "GET /shop/{sid}/qcode.png",
    ];

    private List<(string Method, string Pattern)> MerchantRoutes() => RouteTable.Of(api.Services, "/merchant", "/shop/", "/goods");

    /// <summary>A logged-in merchant's token (a live shop's).</summary>
    private async Task<(long ShopId, string Token)> MerchantToken()
    {
        var merchant = await Merchants.MerchantTestKit.LiveShop(api);
        var login = await Merchants.MerchantTestKit.LogIn(api.NewClient(), merchant.Account, Merchants.MerchantTestKit.Password);
        return (merchant.ShopId, (string)login["token"]!);
    }

    private List<(string Method, string Pattern)> UserRoutes() => RouteTable.Of(api.Services, "/user/", "/userweb/");

    private static string Concrete(string pattern) => pattern
        .Replace("{uid}", "10001").Replace("{id}", "1").Replace("{ids}", "1").Replace("{key}", "13800138000").Replace("{file}", "123456789.png").Replace("{openid}", "OPENID1").Replace("{accId}", "987654321987");

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    [Fact]
    public async Task Every_session_route_refuses_missing_garbage_logged_out_and_expired_tokens()
    {
        var loggedOut = api.NewClient();
        await loggedOut.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, Err(await loggedOut.Post("/user/logout")));
        var expired = api.NewClient();
        await expired.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, Err(await expired.Get("/user/personal")));
        api.Clock.Advance(TimeSpan.FromDays(31));

        var tokens = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["garbage"] = "not-a-token",
            ["logged out"] = loggedOut.Token,
            ["expired"] = expired.Token,
            // A merchant's token is no user session (contract: "Merchants"), even a live one.
            ["merchant"] = (await MerchantToken()).Token,
        };
        var guarded = UserRoutes().Where(r => !Public.Contains($"{r.Method} {r.Pattern}")).ToList();
        Assert.True(guarded.Count >= 40, $"only {guarded.Count} session routes found");

        foreach (var (method, pattern) in guarded)
        {
            foreach (var (kind, token) in tokens)
            {
                var client = api.NewClient();
                client.Token = token;
                var answer = await client.Send(new HttpMethod(method), Concrete(pattern), new { });
                Assert.True(Err(answer) == 2, $"{method} {pattern} with a {kind} token answered {answer.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task Public_routes_need_no_session()
    {
        var routes = UserRoutes().Where(r => Public.Contains($"{r.Method} {r.Pattern}")).ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} public routes found");
        foreach (var (method, pattern) in routes)
        {
            var answer = await api.NewClient().Send(new HttpMethod(method), Concrete(pattern), new { });
            Assert.True(Err(answer) != 2, $"{method} {pattern} asked for a session");
        }
    }

    [Fact]
    public async Task Every_merchant_route_refuses_user_garbage_logged_out_and_expired_tokens()
    {
        var (shopId, loggedOut) = await MerchantToken();
        var logout = api.NewClient();
        logout.Token = loggedOut;
        Assert.Equal(0, Err(await logout.Post("/merchant/logout")));
        var (expiredShop, expired) = await MerchantToken();
        api.Clock.Advance(TimeSpan.FromDays(31));
        var user = api.NewClient();
        await user.SignUp(AccountTestKit.NewPhone());

        var tokens = new Dictionary<string, string?>
        {
            ["none"] = null,
            ["garbage"] = "m.not-a-token",
            ["user"] = user.Token,
            ["logged out"] = loggedOut,
            ["expired"] = expired,
        };
        var guarded = MerchantRoutes().Where(r => !MerchantPublic.Contains($"{r.Method} {r.Pattern}")).ToList();
        Assert.True(guarded.Count >= 20, $"only {guarded.Count} merchant routes found");
        foreach (var (method, pattern) in guarded)
        {
            foreach (var (kind, token) in tokens)
            {
                // Each token's own shop, so that only the session can refuse it.
                var sid = kind == "expired" ? expiredShop : shopId;
                var client = api.NewClient();
                client.Token = token;
                var answer = await client.Send(new HttpMethod(method), pattern.Replace("{sid}", sid.ToString()).Replace("{gid}", "1").Replace("{aid}", "1"), new { });
                Assert.True(Err(answer) == 2, $"{method} {pattern} with a {kind} token answered {answer.ToJsonString()}");
            }
        }
        // The open ones need none.
        foreach (var (method, pattern) in MerchantRoutes().Where(r => MerchantPublic.Contains($"{r.Method} {r.Pattern}") && !r.Pattern.EndsWith(".png")))
        {
            var answer = await api.NewClient().Send(new HttpMethod(method), pattern.Replace("{sid}", shopId.ToString()), new { });
            Assert.True(Err(answer) != 2, $"{method} {pattern} asked for a session");
        }
    }
}
