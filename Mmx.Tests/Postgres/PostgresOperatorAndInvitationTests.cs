using System.Net;
using System.Text.Json.Nodes;
using Mmx.Tests.ShippedClients;
using Microsoft.Extensions.DependencyInjection;
using Mmx.Grains.Accounts;

namespace Mmx.Tests.Postgres;

/// <summary>
/// Security round three in cluster mode (two fronts, two silos, a real PostgreSQL): role keys and
/// dashboard revocation hold across fronts, an invitation of a non-member made on one front
/// reaches the account that signs up on the other, an upload through one is served by the other,
/// and the shipped clients' round-three requests (the WeChat web login, reference data, the shop
/// page, the iOS profile's null city) work with each step on another front.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOperatorAndInvitationTests(PostgresServer postgres) : IAsyncDisposable
{
    private readonly StubHttpServer _weChat = new();

    public ValueTask DisposeAsync() => _weChat.DisposeAsync();

    private Dictionary<string, string> Settings => new()
    {
        ["Mmx:ThirdParty:WeChat:BaseUrl"] = _weChat.Url().ToString().TrimEnd('/'),
        ["Mmx:ThirdParty:WeChat:AppId"] = "wx0123456789abcdef",
        ["Mmx:ThirdParty:WeChat:AppSecret"] = "wechat-secret",
        ["Mmx:ThirdParty:WeChat:Verify"] = "true",
        [ApiFactory.DashboardSetting] = "true",
        ["Mmx:Operators:Catalogue"] = $"shopdesk={Hardening.OperatorKeyTests.CatalogueKey}",
        ["Mmx:Operators:Accounts"] = $"support={Hardening.OperatorKeyTests.AccountsKey}",
        ["Mmx:Operators:Dashboard"] = $"ops={Hardening.OperatorKeyTests.DashboardKey}",
    };

    [Fact]
    public async Task Role_keys_revocation_and_kept_invitations_work_across_fronts()
    {
        var clusterId = $"ops-{Guid.NewGuid():N}";
        await using var silos = await SiloPair.Start(postgres.ConnectionString, clusterId);
        await using var front1 = new ApiFactory(postgres.ConnectionString, clusterId, Settings);
        await using var front2 = new ApiFactory(postgres.ConnectionString, clusterId, Settings);

        // A catalogue key imports on front 2 and cannot read the SMS outbox there; the accounts key can.
        async Task<int> Admin(ApiFactory front, HttpMethod method, string url, string key, string? json = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Admin-Key", key);
            using var response = await front.CreateClient().SendAsync(request);
            return (int)(await ApiFactory.ReadJson(response))["err"]!;
        }
        Assert.Equal(0, await Admin(front2, HttpMethod.Post, "/admin/import", Hardening.OperatorKeyTests.CatalogueKey, """{"cities":[{"id":23001,"name":"无锡"}]}"""));
        Assert.Equal(3, await Admin(front2, HttpMethod.Get, "/admin/sms?phone=13800138000", Hardening.OperatorKeyTests.CatalogueKey));
        Assert.Equal(0, await Admin(front2, HttpMethod.Get, "/admin/sms?phone=13800138000", Hardening.OperatorKeyTests.AccountsKey));

        // A dashboard sign-in on front 1, revoked through front 2: gone on front 1 once its copy is renewed.
        using var browser = front1.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using (var signedIn = await browser.PostAsync("/dashboard/signin", new FormUrlEncodedContent([new("key", Hardening.OperatorKeyTests.DashboardKey)])))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using (var open = await browser.GetAsync("/dashboard/ClusterStats")) Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(0, await Admin(front2, HttpMethod.Post, "/admin/dashboard/signout", Hardening.OperatorKeyTests.DashboardKey, """{"operator":"ops"}"""));
        front1.Clock.Advance(Mmx.Api.Operations.DashboardRevocations.CacheFor);
        using (var closed = await browser.GetAsync("/dashboard/ClusterStats")) Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);

        // A non-member invited through front 1 signs up through front 2 and finds the invitation.
        var inviter = front1.NewClient();
        var inviterId = await inviter.SignUp(AccountTestKit.NewPhone());
        var stranger = AccountTestKit.NewPhone();
        var invited = await inviter.Post("/user/friend/invite", new { mode = 1, phone = stranger, remark = "跨前端邀请" });
        Assert.Equal((0, 1), ((int)invited["err"]!, (int)invited["sms"]!));
        var sms = await silos.Client.GetGrain<ISmsOutboxGrain>(stranger).Recent();
        Assert.Single(sms);
        var invitee = front2.NewClient();
        await invitee.SignUp(stranger);
        var invitation = Assert.Single((await invitee.Get("/user/friend/invite"))["inviteList"]!.AsArray())!;
        Assert.Equal((inviterId, "跨前端邀请"), ((long)invitation["uid"]!, (string)invitation["remark"]!));

        // A photo uploaded through front 1 is served by front 2 (the images live in PostgreSQL), without its EXIF.
        var uploaded = await TestUploads.Upload(inviter.Http, inviter.Token, TestUploads.JpegWithGps(24, 24, orientation: 1), "p.jpg", "image/jpeg");
        Assert.Equal(0, (int)uploaded["err"]!);
        using var served = await front2.CreateClient().GetAsync(new Uri((string)uploaded["url"]!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal((string?)uploaded["md5"], Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes)));
        Assert.True(bytes.AsSpan().IndexOf(TestUploads.GpsMarker) < 0);

        await ShippedClientsAcrossFronts(front1, front2);
    }

    private async Task ShippedClientsAcrossFronts(ApiFactory front1, ApiFactory front2)
    {
        // The web page's WeChat login: the code traded through front 1, its loginex answered by front 2.
        var openId = $"o6_{Guid.NewGuid():N}";
        _weChat.On("/sns/oauth2/access_token", StubReply.Json($$"""{"access_token":"AT","expires_in":7200,"openid":"{{openId}}","scope":"snsapi_login"}"""));
        using var exchanged = await front1.NewClient().SendLiteral(HttpMethod.Get, "/thirdlogin/wechat?code=061Code", null, ShippedClientRequests.BrowserAgent);
        Assert.Equal(0, (int)(await ApiFactory.ReadJson(exchanged))["err"]!);
        var ticket = exchanged.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mmx_wechat=", StringComparison.Ordinal)).Split(';')[0];
        var pageLogin = $$"""{"mode":5,"type":4,"openID":"{{openId}}","dev":""}""";
        var stranger = await front2.NewClient().Literal(HttpMethod.Post, "/user/loginex", pageLogin, ShippedClientRequests.BrowserAgent);
        Assert.Equal(8, (int)stranger["err"]!);
        var browser = front2.NewClient();
        var loggedIn = await browser.Literal(HttpMethod.Post, "/user/loginex", pageLogin, ShippedClientRequests.BrowserAgent, ("Cookie", ticket));
        Assert.Equal((0, 1), ((int)loggedIn["err"]!, (int)loggedIn["isReg"]!));

        // The catalogue imported through front 1 is the reference data and shop page of front 2.
        var catalogue = front1.NewClient();
        Assert.Equal(0, (int)(await catalogue.Send(HttpMethod.Post, "/admin/import", JsonNode.Parse(ShippedClientCatalogue.Document), admin: true))["err"]!);
        var cities = await front2.NewClient().Get("/basic/cities");
        Assert.Contains(cities["cities"]!.AsArray(), c => (long?)c?["city_id"] == ShippedClientCatalogue.City);
        var shop = await browser.Literal(HttpMethod.Get, $"/shop/{ShippedClientCatalogue.Uniqlo}", null, ShippedClientRequests.BrowserAgent);
        Assert.Equal("优衣库", (string?)shop["shop_name"]);

        // The iOS app signs up through front 2 and reads its profile through front 1: city is null.
        var phone = AccountTestKit.NewPhone();
        var ios = front2.NewClient();
        await ShippedClientRequests.IosSignUp(ios, phone, "miao-Pass-2016");
        var onFront1 = front1.NewClient();
        onFront1.Token = ios.Token;
        var profile = (await onFront1.Literal(HttpMethod.Get, "/user/personal", null, ShippedClientRequests.IosAgent))["info"]!.AsObject();
        Assert.True(profile.ContainsKey("city"));
        Assert.Null(profile["city"]);
    }
}
