using System.Text.Json.Nodes;

namespace Mmx.Tests.Hardening;

/// <summary>
/// A long-lived connection lives no longer than its session (security round three, point 1): an
/// event stream opened with a token ends within a second of a logout, a password reset or an
/// erasure, when its session expires, and after an hour in any case. Before the fix, the session
/// was checked once at open and the stream went on receiving friend events and the shop its owner
/// entered after all of these.
/// </summary>
public sealed class ConnectionLifetimeTests(ConnectionLifetimeTests.Api api) : IClassFixture<ConnectionLifetimeTests.Api>
{
    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string> { ["Mmx:Events:KeepAliveSeconds"] = "1" });

    // "Within a second" plus the slack of a busy CI machine: the old code never ended the stream.
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(3);

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<(ApiClient Client, string Phone)> SignedUp()
    {
        var client = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        await client.SignUp(phone);
        return (client, phone);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static async Task AssertEndsSoon(EventStreamReader stream, string after)
    {
        var ended = await Task.WhenAny(stream.Ended, Task.Delay(Soon));
        Assert.True(ended == stream.Ended, $"the event stream was still open {Soon.TotalSeconds} s after {after}");
    }

    [Fact]
    public async Task Logout_ends_the_stream_of_that_session()
    {
        var (user, _) = await SignedUp();
        await using var stream = await EventStreamReader.Open(user.Http, user.Token);
        var token = user.Token;
        Assert.Equal(0, Err(await user.Post("/user/logout")));
        await AssertEndsSoon(stream, "logout");
        // And it cannot be opened again with that token.
        using var again = new HttpRequestMessage(HttpMethod.Get, "/user/events");
        again.Headers.Authorization = new("Bearer", token);
        Assert.Equal(2, Err(await ApiFactory.ReadJson(await user.Http.SendAsync(again))));
    }

    [Fact]
    public async Task A_password_reset_ends_every_stream_of_the_account()
    {
        var (user, phone) = await SignedUp();
        await using var stream = await EventStreamReader.Open(user.Http, user.Token);
        var other = api.NewClient();
        await other.VerifyPhone(phone);
        Assert.Equal(0, Err(await other.Post("/user/resetpw", new { phone, password = "brand-new-pass-2" })));
        await AssertEndsSoon(stream, "a password reset");
    }

    [Fact]
    public async Task Leaving_the_app_ends_the_stream()
    {
        var (user, _) = await SignedUp();
        await using var stream = await EventStreamReader.Open(user.Http, user.Token);
        Assert.Equal(0, Err(await user.Post("/user/delete", new { password = "secret-pass-1" })));
        await AssertEndsSoon(stream, "erasure");
    }

    [Fact]
    public async Task A_stream_ends_after_an_hour_and_its_client_reconnects()
    {
        var (user, _) = await SignedUp();
        await using var stream = await EventStreamReader.Open(user.Http, user.Token);
        await Task.Delay(300);
        Assert.False(stream.Ended.IsCompleted);
        api.Clock.Advance(TimeSpan.FromMinutes(61));
        await AssertEndsSoon(stream, "an hour");
        // The session itself is still live: the reconnect works.
        await using var again = await EventStreamReader.Open(user.Http, user.Token);
        Assert.False(again.Ended.IsCompleted);
    }

    [Fact]
    public async Task A_stream_ends_when_its_session_reaches_its_absolute_expiry()
    {
        var (user, _) = await SignedUp();
        // Used all along (never idle for 30 days) until half an hour before its 180 days are up.
        var opened = api.Clock.GetUtcNow();
        var endsAt = opened + Mmx.Grains.Accounts.SessionGrain.AbsoluteLifetime;
        while (api.Clock.GetUtcNow() < endsAt - TimeSpan.FromMinutes(30))
        {
            var step = Min(TimeSpan.FromDays(29), endsAt - TimeSpan.FromMinutes(30) - api.Clock.GetUtcNow());
            api.Clock.Advance(step);
            Assert.Equal(0, Err(await user.Get("/user/personal")));
        }
        await using var stream = await EventStreamReader.Open(user.Http, user.Token);
        await Task.Delay(300);
        Assert.False(stream.Ended.IsCompleted);
        // Within the hour a stream may live, the session's 180 days run out.
        api.Clock.Advance(TimeSpan.FromMinutes(40));
        await AssertEndsSoon(stream, "the session's absolute expiry");
    }
}
