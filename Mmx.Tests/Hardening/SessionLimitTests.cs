using System.Net.Http.Headers;

namespace Mmx.Tests.Hardening;

/// <summary>
/// The front's limits with their shipped defaults (security round three, points 4-6): a made-up
/// token is anonymous; signed-in traffic is limited per session, and per address only by a ceiling
/// that a carrier's NAT, thousands of phones behind one IPv4 address, does not reach.
/// </summary>
public sealed class SessionLimitTests(SessionLimitTests.Api api) : IClassFixture<SessionLimitTests.Api>
{
    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string>
    {
        // The defaults, as shipped (the test fronts otherwise lift every limit).
        ["Mmx:RateLimits:AnonymousPerAddressPerMinute"] = "600",
        ["Mmx:RateLimits:SessionPerMinute"] = "300",
        ["Mmx:RateLimits:SessionPerAddressPerMinute"] = "120000",
        // Sign-ups by openID: thousands of accounts without the password KDF's cost.
        ["Mmx:ThirdParty:TrustOpenId"] = "true",
    });

    private const string Carrier = "203.0.113.77";

    private async Task<int> Get(string url, string address, string? token = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(TestRemoteAddress.Header, address);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await _http.SendAsync(request);
        return (int)response.StatusCode;
    }

    private readonly HttpClient _http = api.CreateDefaultClient();

    [Fact]
    public async Task A_made_up_token_does_not_lift_the_anonymous_limit()
    {
        const string address = "198.51.100.4";
        var served = 0;
        for (var i = 0; i < 700; i++)
        {
            // Before the fix any cookie at all made a request "signed in": 700 of 700 served.
            if (await Get("/user/city", address, cookie: i % 2 == 0 ? "mmx_token=x" : $"mmx_token={new string('a', 43)}") == 200) served++;
        }
        Assert.Equal(600, served);
    }

    [Fact]
    public async Task Two_thousand_phones_behind_one_address_browse_and_only_the_abuser_among_them_is_cut_off()
    {
        // 2,000 users, each signed up from wherever, then all behind one carrier address.
        var tokens = new string[2000];
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var client = new ApiClient(api.CreateClient());
            var login = await client.Literal(HttpMethod.Post, "/user/login", $$"""{"mode":4,"type":4,"openID":"nat-{{Guid.NewGuid():N}}","dev":"phone"}""",
                (TestRemoteAddress.Header, $"10.{i / 250}.{i % 250}.1"));
            tokens[i] = (string)login["token"]!;
        });

        // At the app's pace: a few screens each (a city's shops, one shop, the profile), all at once.
        var refused = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens.Length), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            foreach (var url in new[] { "/user/shop?city=1&long=113.94&lat=22.52", $"/user/shop/info?sid={i % 40 + 1}", "/user/personal", "/user/message?offset=0&count=10" })
            {
                if (await Get(url, Carrier, tokens[i]) != 200) Interlocked.Increment(ref refused);
            }
        });
        Assert.Equal(0, refused);

        // One of them floods: cut off at its session's limit, while its neighbours go on.
        var abuser = tokens[0];
        var abuserServed = 0;
        for (var i = 0; i < 400; i++) if (await Get("/user/personal", Carrier, abuser) == 200) abuserServed++;
        Assert.InRange(abuserServed, 290, 300);
        Assert.Equal(429, await Get("/user/personal", Carrier, abuser));
        Assert.Equal(200, await Get("/user/personal", Carrier, tokens[1]));
        Assert.Equal(200, await Get("/user/city", Carrier));
    }

    [Fact]
    public void An_ipv6_client_counts_by_its_64_prefix()
    {
        var a = Mmx.Api.Http.ClientAddresses.KeyOf(System.Net.IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        var b = Mmx.Api.Http.ClientAddresses.KeyOf(System.Net.IPAddress.Parse("2001:db8:1:2::1"));
        var other = Mmx.Api.Http.ClientAddresses.KeyOf(System.Net.IPAddress.Parse("2001:db8:1:3::1"));
        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.Equal("192.0.2.1", Mmx.Api.Http.ClientAddresses.KeyOf(System.Net.IPAddress.Parse("::ffff:192.0.2.1")));
    }
}
