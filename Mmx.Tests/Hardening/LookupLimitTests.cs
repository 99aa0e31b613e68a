namespace Mmx.Tests.Hardening;

/// <summary>
/// Look-ups of other users are limited per session and per client address (many accounts from one
/// address are still one prober), and requests without a session per address.
/// </summary>
public sealed class LookupLimitTests(LookupLimitTests.Api api) : IClassFixture<LookupLimitTests.Api>
{
    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string>
    {
        ["Mmx:RateLimits:LookupPerMinute"] = "2",
        ["Mmx:RateLimits:LookupPerAddressPerMinute"] = "3",
        ["Mmx:RateLimits:AnonymousPerAddressPerMinute"] = "4",
    });

    private static async Task<int> Status(ApiClient client, string url, string from)
    {
        using var response = await client.SendLiteral(HttpMethod.Get, url, null, (TestRemoteAddress.Header, from));
        return (int)response.StatusCode;
    }

    private static int _signUps;

    /// <summary>A signed-up session; its sign-up comes from an address of its own, outside the limits under test.</summary>
    private async Task<ApiClient> Member()
    {
        var signUp = api.NewClient();
        signUp.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, $"192.0.2.{Interlocked.Increment(ref _signUps)}");
        await signUp.SignUp(AccountTestKit.NewPhone());
        return new ApiClient(api.CreateClient()) { Token = signUp.Token };
    }

    [Fact]
    public async Task User_search_and_cards_are_limited_per_session_and_per_address()
    {
        var (first, second, third) = (await Member(), await Member(), await Member());
        Assert.Equal(200, await Status(first, "/userweb/search/m123456789", "198.51.100.10"));
        Assert.Equal(200, await Status(first, "/user/info?uid=10001&uid=10002", "198.51.100.10"));
        Assert.Equal(429, await Status(first, "/userweb/search/m123456789", "198.51.100.11"));

        // Another session from the same address: its own allowance, until the address's is used up.
        Assert.Equal(200, await Status(second, "/user/info?uid=10003", "198.51.100.10"));
        Assert.Equal(429, await Status(second, "/user/info?uid=10004", "198.51.100.10"));
        // From elsewhere a fresh session goes on.
        Assert.Equal(200, await Status(third, "/user/info?uid=10004", "198.51.100.12"));
    }

    [Fact]
    public async Task Requests_without_a_session_are_limited_per_address()
    {
        var anonymous = api.NewClient();
        for (var i = 0; i < 4; i++) Assert.Equal(200, await Status(anonymous, $"/user/shop/info?sid={900000 + i}", "203.0.113.50"));
        Assert.Equal(429, await Status(anonymous, "/user/shop/info?sid=1", "203.0.113.50"));
        Assert.Equal(200, await Status(anonymous, "/user/shop/info?sid=1", "203.0.113.51"));
    }

    /// <summary>Operations round three: a 429 said nothing of when to come back.</summary>
    [Fact]
    public async Task A_refusal_says_when_to_retry()
    {
        var anonymous = api.NewClient();
        for (var i = 0; i < 4; i++) Assert.Equal(200, await Status(anonymous, "/user/city", "203.0.113.60"));
        using var refused = await anonymous.SendLiteral(HttpMethod.Get, "/user/city", null, (TestRemoteAddress.Header, "203.0.113.60"));
        Assert.Equal(429, (int)refused.StatusCode);
        var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.InRange(seconds, 1, 60);
    }

    /// <summary>Security round three, point 7: invite mode 1 classified 300 numbers in 0.2 s.</summary>
    [Fact]
    public async Task Invitations_by_phone_are_look_ups_too()
    {
        var member = await Member();
        async Task<int> Invite(string from)
        {
            using var response = await member.SendLiteral(HttpMethod.Post, "/user/friend/invite",
                $$"""{"mode":1,"phone":"{{AccountTestKit.NewPhone()}}","remark":""}""", (TestRemoteAddress.Header, from));
            return (int)response.StatusCode;
        }
        Assert.Equal(200, await Invite("198.51.100.40"));
        Assert.Equal(200, await Invite("198.51.100.40"));
        Assert.Equal(429, await Invite("198.51.100.41"));
    }
}
