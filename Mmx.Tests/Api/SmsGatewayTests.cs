using System.Net;
using System.Text.Json.Nodes;
using Mmx.Grains.Accounts.Sms;

namespace Mmx.Tests.Api;

/// <summary>The production SMS sender against a stub gateway on loopback.</summary>
public sealed class SmsGatewayTests
{
    [Fact]
    public async Task The_gateway_sender_posts_phone_and_text_and_reports_failures()
    {
        await using var gateway = new StubHttpServer();
        var sender = new HttpGatewaySmsSender(new HttpClient(), gateway.Url("/send"));

        await sender.Send("13800138000", "【喵喵】您的验证码是 123456", "123456");
        var request = Assert.Single(gateway.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/send", request.Path);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("13800138000", (string?)body["phone"]);
        Assert.Contains("123456", (string?)body["text"]);

        gateway.Status = HttpStatusCode.InternalServerError;
        await Assert.ThrowsAsync<SmsDeliveryException>(() => sender.Send("13800138000", "x", "1"));

        var nobody = new HttpGatewaySmsSender(new HttpClient(), new Uri($"http://127.0.0.1:{FreePorts.Next()}/send"));
        await Assert.ThrowsAsync<SmsDeliveryException>(() => nobody.Send("13800138000", "x", "1"));
    }

    [Fact]
    public async Task A_refusing_gateway_is_not_asked_again()
    {
        await using var gateway = new StubHttpServer { Status = HttpStatusCode.BadRequest };
        await using var api = new ApiFactory(settings: new Dictionary<string, string> { ["Mmx:Sms:GatewayUrl"] = gateway.Url("/sms").ToString() });
        Assert.Equal(12, (int)(await api.NewClient().Post("/user/gencode", new { phone = AccountTestKit.NewPhone() }))["err"]!);
        Assert.Equal(1, gateway.RequestCount);
    }

    [Fact]
    public async Task A_failing_gateway_is_err_12_and_does_not_use_up_the_resend_limit()
    {
        await using var gateway = new StubHttpServer { Status = HttpStatusCode.ServiceUnavailable };
        await using var api = new ApiFactory(settings: new Dictionary<string, string> { ["Mmx:Sms:GatewayUrl"] = gateway.Url("/sms").ToString() });
        var client = api.NewClient();
        var phone = AccountTestKit.NewPhone();

        Assert.Equal(12, (int)(await client.Post("/user/gencode", new { phone }))["err"]!);
        // The factory client's pipeline tried a second time before giving up (a 503 is transient).
        Assert.Equal(2, gateway.RequestCount);

        gateway.Status = HttpStatusCode.OK;
        Assert.Equal(0, (int)(await client.Post("/user/gencode", new { phone }))["err"]!);
        Assert.Equal(3, gateway.RequestCount);
        var sent = JsonNode.Parse(gateway.Requests[2].Body)!;
        var code = System.Text.RegularExpressions.Regex.Match((string)sent["text"]!, "[0-9]{6}").Value;
        // With a gateway nothing is kept in the outbox; the code arrived by "SMS".
        Assert.Empty((await client.Send(HttpMethod.Get, $"/admin/sms?phone={phone}", null, admin: true))["messages"]!.AsArray());
        Assert.Equal(0, (int)(await client.Post("/user/vercode", new { phone, code }))["err"]!);
    }
}
