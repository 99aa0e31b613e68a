using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mmx.Grains.Configuration;
using Mmx.Grains.Messages;
using Mmx.Grains.Messages.Push;

namespace Mmx.Tests.Messages;

/// <summary>The production push sender against a stub relay on loopback.</summary>
public sealed class PushSenderTests
{
    private static PushNotice Notice(long uid) => new() { Uid = uid, Title = "店铺: 上新", Body = "新品八折", MsgId = 77, Kind = MessageKinds.ShopMessage, ShopId = 5, Time = 1_700_000_000 };

    /// <summary>The sender as a silo builds it: settings read from configuration, the factory client with its pipeline.</summary>
    private static IPushSender Sender(Uri url, int attempts = 3, int timeoutSeconds = 5)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mmx:Push:GatewayUrl"] = url.ToString(), ["Mmx:Push:Attempts"] = attempts.ToString(), ["Mmx:Push:TimeoutSeconds"] = timeoutSeconds.ToString(),
        }).Build();
        SiloSetup.AddMmxServices(services, configuration);
        return services.BuildServiceProvider().GetRequiredService<IPushSender>();
    }

    [Fact]
    public async Task Each_notice_is_posted_as_the_contract_says()
    {
        await using var relay = new StubHttpServer();
        await Sender(relay.Url("/push")).Send([Notice(10001), Notice(10002)], CancellationToken.None);
        Assert.Equal(2, relay.RequestCount);
        var bodies = relay.Requests.Select(r => JsonNode.Parse(r.Body)!).OrderBy(b => (long)b["uid"]!).ToList();
        Assert.All(relay.Requests, r => Assert.Equal(("POST", "/push"), (r.Method, r.Path)));
        Assert.Equal(10001, (long)bodies[0]["uid"]!);
        Assert.Equal("店铺: 上新", (string)bodies[0]["title"]!);
        Assert.Equal("新品八折", (string)bodies[0]["body"]!);
        Assert.Equal(77, (long)bodies[0]["data"]!["msgID"]!);
        Assert.Equal(1, (int)bodies[0]["data"]!["kind"]!);
        Assert.Equal(5, (long)bodies[0]["data"]!["sid"]!);
    }

    [Fact]
    public async Task A_failing_relay_is_retried_and_a_refusal_is_not()
    {
        await using var relay = new StubHttpServer { Status = HttpStatusCode.ServiceUnavailable };
        await Sender(relay.Url("/push"), attempts: 3).Send([Notice(1)], CancellationToken.None);
        Assert.Equal(3, relay.RequestCount);

        await using var refusing = new StubHttpServer { Status = HttpStatusCode.BadRequest };
        await Sender(refusing.Url("/push"), attempts: 3).Send([Notice(1)], CancellationToken.None);
        Assert.Equal(1, refusing.RequestCount);

        // A relay that does not answer in time counts as a failure too; the sender gives up, it does not hang.
        await using var slow = new StubHttpServer().On("/push", StubReply.Json("{}") with { Delay = TimeSpan.FromSeconds(30) });
        var started = DateTime.UtcNow;
        // 3 s for both attempts: the second starts 1.75 s in, with time to reach the relay on a busy machine (1 s left it none).
        await Sender(slow.Url("/push"), attempts: 2, timeoutSeconds: 3).Send([Notice(1)], CancellationToken.None);
        Assert.Equal(2, slow.RequestCount);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));

        var nobody = Sender(new Uri($"http://127.0.0.1:{FreePorts.Next()}/push"), attempts: 2);
        await nobody.Send([Notice(1)], CancellationToken.None);
    }

    [Fact]
    public async Task The_relay_is_used_when_configured_and_the_outbox_stays_empty()
    {
        await using var relay = new StubHttpServer();
        await using var api = new ApiFactory(settings: new Dictionary<string, string> { ["Mmx:Push:GatewayUrl"] = relay.Url("/push").ToString() });
        var fan = api.NewClient();
        var accId = await fan.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, (int)(await fan.Post("/user/shop/concern?sid=3"))["err"]!);
        var admin = new ApiClient(api.CreateClient());
        var published = await admin.Send(HttpMethod.Post, "/admin/shop/message", new { sid = 3, title = "t", content = "c" }, admin: true);
        Assert.Equal(1, (int)published["fans"]!);
        await ShopLife.ShopLifeTestKit.Eventually(() => Task.FromResult(relay.RequestCount == 1), "the relay got the notice");
        Assert.Equal(accId, (long)JsonNode.Parse(relay.Requests[0].Body)!["uid"]!);
        Assert.Empty((await admin.Send(HttpMethod.Get, $"/admin/push?uid={accId}", null, admin: true))["pushList"]!.AsArray());
    }
}
