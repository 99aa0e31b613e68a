using System.Net;
using Microsoft.Extensions.Configuration;

namespace Mmx.Tests.Hardening;

/// <summary>
/// Behind a reverse proxy: X-Forwarded-For from a configured proxy names the client (its own
/// per-address limits, its scheme and host in answered URLs); from anyone else it is ignored.
/// </summary>
public sealed class ProxyHeadersTests(ProxyHeadersTests.Api api) : IClassFixture<ProxyHeadersTests.Api>
{
    private const string Proxy = "10.20.30.40";

    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string>
    {
        ["Mmx:ForwardedHeaders:KnownProxies"] = Proxy,
        ["Mmx:RateLimits:SignInPerMinute"] = "2",
    });

    private async Task<int> Login(string from, string? forwardedFor)
    {
        List<(string, string)> headers = [(TestRemoteAddress.Header, from)];
        if (forwardedFor is not null) headers.Add(("X-Forwarded-For", forwardedFor));
        using var response = await api.NewClient().SendLiteral(HttpMethod.Post, "/user/login",
            """{"mode":2,"type":4,"phone":"13811112222","password":"whatever-1"}""", [.. headers]);
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task A_forged_x_forwarded_for_from_an_unknown_address_is_ignored()
    {
        // Every request claims another client, but they all come from one address: one allowance.
        Assert.Equal(200, await Login("192.0.2.7", "198.51.100.1"));
        Assert.Equal(200, await Login("192.0.2.7", "198.51.100.2"));
        Assert.Equal(429, await Login("192.0.2.7", "198.51.100.3"));
    }

    [Fact]
    public async Task The_known_proxy_names_each_client_who_then_has_its_own_allowance()
    {
        Assert.Equal(200, await Login(Proxy, "203.0.113.1"));
        Assert.Equal(200, await Login(Proxy, "203.0.113.1"));
        Assert.Equal(429, await Login(Proxy, "203.0.113.1"));
        // Another client behind the same proxy is not held back by the first.
        Assert.Equal(200, await Login(Proxy, "203.0.113.2"));
    }

    [Fact]
    public async Task The_known_proxys_scheme_and_host_make_the_answered_urls()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        async Task<string> Qcode(string from) =>
            (string)(await client.Literal(HttpMethod.Get, "/user/personal", null, (TestRemoteAddress.Header, from),
                ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "mmx.example.com")))["info"]!["qcode"]!;

        Assert.StartsWith("https://mmx.example.com/userweb/qcode/", await Qcode(Proxy));
        Assert.DoesNotContain("mmx.example.com", await Qcode("192.0.2.9"));
    }
}

/// <summary>Every answer says nosniff; answers that went over TLS (here: to a known proxy) carry HSTS.</summary>
public sealed class SecurityHeadersTests(ProxyHeadersTests.Api api) : IClassFixture<ProxyHeadersTests.Api>
{
    [Theory]
    [InlineData("/user/city")]
    [InlineData("/user/shop?city=x")]
    [InlineData("/no/such/route")]
    [InlineData("/user/10001")]
    public async Task Every_answer_carries_nosniff_and_hsts_only_over_tls(string url)
    {
        using var plain = await api.NewClient().SendLiteral(HttpMethod.Get, url, null);
        Assert.Equal("nosniff", Assert.Single(plain.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));

        using var tls = await api.NewClient().SendLiteral(HttpMethod.Get, url, null,
            (TestRemoteAddress.Header, "10.20.30.40"), ("X-Forwarded-Proto", "https"));
        Assert.StartsWith("max-age=", Assert.Single(tls.Headers.GetValues("Strict-Transport-Security")));
    }
}

/// <summary>Cluster mode will not take the host of the URLs it answers from a request's Host header.</summary>
public sealed class PublicUrlRequirementTests
{
    [Fact]
    public void Cluster_mode_without_a_public_base_url_or_allowed_hosts_refuses_to_start()
    {
        var open = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = "*" }).Build();
        var refused = Assert.Throws<Mmx.Grains.Configuration.SettingsException>(() => Mmx.Api.Http.PublicUrls.RequireConfiguredHost(open));
        Assert.Contains("Mmx:PublicWebBaseUrl", refused.Message);

        foreach (var (key, value) in new[] { ("Mmx:PublicWebBaseUrl", "https://mmx.example.com"), ("AllowedHosts", "mmx.example.com") })
        {
            var configured = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = "*", [key] = value }).Build();
            Mmx.Api.Http.PublicUrls.RequireConfiguredHost(configured);
        }
    }
}
