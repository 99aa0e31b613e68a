using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mmx.Tests.Hardening;

/// <summary>
/// Security round three, point 12: one admin key did everything, unthrottled, with no trace of who
/// used it, and a dashboard cookie could not be revoked. Role keys (catalogue and messages;
/// accounts and SMS; dashboard), wrong keys throttled per address, an audit line per use, and
/// dashboard sign-ins that an operator ends.
/// </summary>
public sealed class OperatorKeyTests(OperatorKeyTests.Api api) : IClassFixture<OperatorKeyTests.Api>
{
    public const string CatalogueKey = "catalogue-key-0123456789";
    public const string AccountsKey = "accounts-key-0123456789";
    public const string DashboardKey = "dashboard-key-0123456789";

    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string>
    {
        ["Mmx:Operators:Catalogue"] = $"shopdesk={CatalogueKey}",
        ["Mmx:Operators:Accounts"] = $"support={AccountsKey}",
        ["Mmx:Operators:Dashboard"] = $"ops={DashboardKey}",
        [DashboardSetting] = "true",
    })
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.Services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Lines)));
        }
    }

    private static int _nextAddress = 10;

    /// <summary>A client address no other test of this class uses (the throttle counts per address).</summary>
    private static string NewAddress() => $"198.51.100.{Interlocked.Increment(ref _nextAddress)}";

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? key, string address, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Add("X-Admin-Key", key);
        request.Headers.Add(TestRemoteAddress.Header, address);
        return await api.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request);
    }

    private async Task<int> Err(HttpMethod method, string url, string? key, string address, string? json = null)
    {
        using var response = await Send(method, url, key, address, json);
        return (int)(await ApiFactory.ReadJson(response))["err"]!;
    }

    [Theory]
    [InlineData("catalogue", "POST", "/admin/import", """{"cities":[]}""")]
    [InlineData("catalogue", "POST", "/admin/shop/message", """{"sid":1,"title":"t","content":"c"}""")]
    [InlineData("accounts", "GET", "/admin/sms?phone=13800138000", null)]
    [InlineData("accounts", "GET", "/admin/push?uid=10001", null)]
    [InlineData("accounts", "POST", "/admin/feedback/reply", """{"uid":10001,"content":"谢谢"}""")]
    [InlineData("dashboard", "POST", "/admin/dashboard/signout", """{"operator":"nobody"}""")]
    public async Task Each_route_takes_the_keys_of_its_role_and_the_admin_key_only(string role, string method, string url, string? json)
    {
        var keys = new Dictionary<string, string> { ["catalogue"] = CatalogueKey, ["accounts"] = AccountsKey, ["dashboard"] = DashboardKey };
        var address = NewAddress();
        foreach (var (keyRole, key) in keys)
        {
            var err = await Err(new HttpMethod(method), url, key, address, json);
            if (keyRole == role) Assert.NotEqual(3, err);
            else Assert.Equal(3, err);
        }
        Assert.NotEqual(3, await Err(new HttpMethod(method), url, ApiFactory.AdminKey, address, json));
    }

    [Fact]
    public async Task Only_a_dashboard_key_opens_the_dashboard()
    {
        var address = NewAddress();
        foreach (var key in new[] { CatalogueKey, AccountsKey })
        {
            using var refused = await Send(HttpMethod.Get, "/dashboard/ClusterStats", key, address);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        foreach (var key in new[] { DashboardKey, ApiFactory.AdminKey })
        {
            using var opened = await Send(HttpMethod.Get, "/dashboard/ClusterStats", key, address);
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }
        using var browser = api.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var form = await browser.PostAsync("/dashboard/signin", new FormUrlEncodedContent([new("key", CatalogueKey)]));
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.False(form.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Wrong_keys_from_an_address_are_cut_off_there_for_a_while()
    {
        var guesser = NewAddress();
        for (var i = 0; i < 10; i++) Assert.Equal(3, await Err(HttpMethod.Get, "/admin/sms?phone=13800138000", $"guess-{i:D4}-0123456789", guesser));
        // Past the allowance even the right key is refused from there, with 429, and so is the dashboard's sign-in form.
        using (var cut = await Send(HttpMethod.Get, "/admin/sms?phone=13800138000", AccountsKey, guesser))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, cut.StatusCode);
            Assert.Equal(7, (int)(await ApiFactory.ReadJson(cut))["err"]!);
        }
        // Another address is not affected.
        Assert.Equal(0, await Err(HttpMethod.Get, "/admin/sms?phone=13800138000", AccountsKey, NewAddress()));
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await Err(HttpMethod.Get, "/admin/sms?phone=13800138000", AccountsKey, guesser));
    }

    [Fact]
    public async Task Every_use_of_a_key_is_an_audit_line_naming_the_operator()
    {
        var address = NewAddress();
        Assert.Equal(0, await Err(HttpMethod.Get, "/admin/sms?phone=13900139000", AccountsKey, address));
        Assert.Equal(3, await Err(HttpMethod.Get, "/admin/sms?phone=13900139001", CatalogueKey, address));
        Assert.Equal(3, await Err(HttpMethod.Get, "/admin/sms?phone=13900139002", "not-a-key-0123456789", address));
        var audit = api.Lines.Where(l => l.Contains(" Mmx.Api.Audit ") && l.Contains(address)).ToList();
        Assert.Contains(audit, l => l.StartsWith("Information") && l.Contains("support") && l.Contains("GET /admin/sms"));
        Assert.Contains(audit, l => l.StartsWith("Warning") && l.Contains("shopdesk") && l.Contains("Accounts"));
        Assert.Contains(audit, l => l.StartsWith("Warning") && l.Contains("not a key"));
        // A key never reaches the log.
        Assert.DoesNotContain(api.Lines, l => l.Contains(AccountsKey) || l.Contains("not-a-key-0123456789"));
    }

    [Fact]
    public async Task Dashboard_sign_ins_are_revoked_by_the_operator_or_by_signing_out()
    {
        async Task<HttpClient> SignedIn(string key)
        {
            var browser = api.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            using var signedIn = await browser.PostAsync("/dashboard/signin", new FormUrlEncodedContent([new("key", key)]));
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            return browser;
        }
        async Task<HttpStatusCode> Stats(HttpClient browser)
        {
            using var response = await browser.GetAsync("/dashboard/ClusterStats");
            return response.StatusCode;
        }

        using var ops = await SignedIn(DashboardKey);
        using var admin = await SignedIn(ApiFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, await Stats(ops));
        Assert.Equal(0, await Err(HttpMethod.Post, "/admin/dashboard/signout", DashboardKey, NewAddress(), """{"operator":"ops"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, await Stats(ops));
        Assert.Equal(HttpStatusCode.OK, await Stats(admin));

        // Signing in again works; signing out ends that cookie (and the operator's others).
        using var again = await SignedIn(DashboardKey);
        Assert.Equal(HttpStatusCode.OK, await Stats(again));
        using (var signOut = await again.GetAsync("/dashboard/signout")) Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await Stats(again));

        // Everyone's.
        Assert.Equal(0, await Err(HttpMethod.Post, "/admin/dashboard/signout", DashboardKey, NewAddress(), "{}"));
        Assert.Equal(HttpStatusCode.Forbidden, await Stats(admin));
    }
}
