using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.ShippedClients;

/// <summary>
/// The web client on another origin: preflights answered and credentialed answers allowed for
/// the origins in Mmx:Cors:Origins only; its QQ login route /user/loginex.
/// </summary>
public sealed class CrossOriginTests(CrossOriginTests.Api api) : IClassFixture<CrossOriginTests.Api>
{
    public const string WebOrigin = "https://web.mmx.test";

    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string>
    {
        ["Mmx:Cors:Origins"] = WebOrigin + "/",
        // The web client's QQ login without a provider to check it with.
        ["Mmx:ThirdParty:TrustOpenId"] = "true",
    });

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_with_credentials_allowed()
    {
        using var preflight = await api.NewClient().SendLiteral(HttpMethod.Options, "/user/login", null,
            ("Origin", WebOrigin), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "content-type"));
        Assert.True(preflight.IsSuccessStatusCode, $"preflight answered {(int)preflight.StatusCode}");
        Assert.Equal(WebOrigin, Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(preflight, "Access-Control-Allow-Credentials"));
        Assert.Contains("POST", Header(preflight, "Access-Control-Allow-Methods") ?? "");
        Assert.Contains("content-type", Header(preflight, "Access-Control-Allow-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_origin_gets_no_cors_headers()
    {
        using var preflight = await api.NewClient().SendLiteral(HttpMethod.Options, "/user/login", null,
            ("Origin", "https://evil.test"), ("Access-Control-Request-Method", "POST"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        using var answer = await api.NewClient().SendLiteral(HttpMethod.Get, "/user/city", null, ("Origin", "https://evil.test"));
        Assert.Null(Header(answer, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_web_clients_login_then_personal_by_cookie_carry_cors_headers_and_so_do_errors()
    {
        var phone = AccountTestKit.NewPhone();
        await IosSignUp(api.NewClient(), phone, "miao-Pass-2016");

        // The web client logs in, then reads /user/personal with nothing but its cookie.
        var browser = api.NewClient();
        using var login = await browser.SendLiteral(HttpMethod.Post, "/user/login", WebLogin(phone, "miao-Pass-2016"), ("Origin", WebOrigin), BrowserAgent);
        Assert.Equal(WebOrigin, Header(login, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(login, "Access-Control-Allow-Credentials"));
        Assert.Equal(0, (int)(await ApiFactory.ReadJson(login))["err"]!);
        using var personal = await browser.SendLiteral(HttpMethod.Get, "/user/personal", null, ("Origin", WebOrigin));
        Assert.Equal(WebOrigin, Header(personal, "Access-Control-Allow-Origin"));
        Assert.Equal(phone, (string?)(await ApiFactory.ReadJson(personal))["info"]!["phone"]);

        using var failed = await api.NewClient().SendLiteral(HttpMethod.Get, "/user/personal", null, ("Origin", WebOrigin));
        Assert.Equal(WebOrigin, Header(failed, "Access-Control-Allow-Origin"));
        Assert.Equal(2, (int)(await ApiFactory.ReadJson(failed))["err"]!);
    }

    [Fact]
    public async Task Loginex_is_the_third_party_login_of_modes_4_to_7()
    {
        var openID = $"qq-{Guid.NewGuid():N}";
        var first = await api.NewClient().Literal(HttpMethod.Post, "/user/loginex", $$"""{"mode":4,"type":4,"openID":"{{openID}}","dev":"127.0.0.1"}""");
        Assert.Equal(0, (int)first["err"]!);
        Assert.Equal(1, (int)first["isReg"]!);
        var again = await api.NewClient().Post("/user/login", new { mode = 4, type = 4, openID, dev = "x" });
        Assert.Equal(0, (int)again["isReg"]!);
        Assert.Equal((long)first["accID"]!, (long)again["accID"]!);

        var byPhone = await api.NewClient().Literal(HttpMethod.Post, "/user/loginex", WebLogin("13800138000", "miao-Pass-2016"));
        Assert.Equal(1, (int)byPhone["err"]!);
    }
}
