using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mmx.Tests.Hardening;

/// <summary>
/// A full sign-up, login, password reset and logout with every log at Debug level captured: no
/// password, session token or SMS code appears in any log line.
/// </summary>
public sealed class SecretsInLogsTests(SecretsInLogsTests.Api api) : IClassFixture<SecretsInLogsTests.Api>
{
    public sealed class Api : ApiFactory, IAsyncLifetime
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        /// <summary>Plays QQ, whose tokens must not reach the logs either.</summary>
        public StubHttpServer Qq { get; }

        public Api() : this(new StubHttpServer())
        {
        }

        private Api(StubHttpServer qq) : base(settings: new Dictionary<string, string>
        {
            ["Mmx:ThirdParty:QQ:BaseUrl"] = qq.Url().ToString(),
            ["Mmx:ThirdParty:QQ:AppId"] = "101000001",
            ["Mmx:ThirdParty:QQ:Verify"] = "true",
        }) => Qq = qq;

        public Task InitializeAsync() => Task.CompletedTask;

        Task IAsyncLifetime.DisposeAsync() => Qq.DisposeAsync().AsTask();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddFilter(_ => true);
                logging.Services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Lines));
            });
        }
    }

    [Fact]
    public async Task No_password_token_or_code_is_logged()
    {
        var client = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        const string password = "Secret-Pass-9x7";
        const string newPassword = "Other-Secret-4k2";
        var secrets = new List<string> { password, newPassword };

        Assert.Equal(0, (int)(await client.Post("/user/gencode", new { phone }))["err"]!);
        var code = await client.ReadCodeFromOutbox(phone);
        secrets.Add(code);
        Assert.Equal(0, (int)(await client.Post("/user/vercode", new { phone, code }))["err"]!);
        var registered = await client.Post("/user/register", new { phone, password });
        secrets.Add((string)registered["token"]!);
        Assert.Equal(8, (int)(await client.LogIn(phone, password: "wrong-" + password))["err"]!);
        Assert.Equal(0, (int)(await client.LogIn(phone, password: password))["err"]!);
        secrets.Add(client.Token!);

        await client.VerifyPhone(phone);
        secrets.Add(await client.ReadCodeFromOutbox(phone));
        Assert.Equal(0, (int)(await client.Post("/user/resetpw", new { phone, password = newPassword }))["err"]!);
        Assert.Equal(0, (int)(await client.LogIn(phone, password: newPassword))["err"]!);
        secrets.Add(client.Token!);
        Assert.Equal(0, (int)(await client.Post("/user/logout"))["err"]!);

        Assert.NotEmpty(api.Lines);
        foreach (var line in api.Lines)
        {
            foreach (var secret in secrets)
            {
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"a secret was logged: {line}");
            }
        }
    }

    [Fact]
    public async Task No_provider_access_token_is_logged()
    {
        const string accessToken = "QQ-ACCESS-TOKEN-5d1f0e";
        api.Qq.On("/oauth2.0/me", Infrastructure.StubReply.Json("""{"client_id":"101000001","openid":"OPENID-LOG"}"""));
        api.Qq.On("/user/get_user_info", Infrastructure.StubReply.Json("""{"ret":0,"msg":"","nickname":"n"}"""));
        var client = api.NewClient();
        var login = await client.Post("/user/login", new { mode = 4, type = 4, openID = "OPENID-LOG", accessToken, dev = "d" });
        Assert.Equal(0, (int)login["err"]!);
        client.Token = (string)login["token"]!;
        Assert.Equal(0, (int)(await client.Get($"/userweb/qqinfo/OPENID-LOG?assess_token={accessToken}"))["err"]!);

        Assert.Contains(api.Lines, line => line.Contains("oauth2.0/me"));
        Assert.DoesNotContain(api.Lines, line => line.Contains(accessToken, StringComparison.Ordinal) || line.Contains(client.Token, StringComparison.Ordinal));
    }

    /// <summary>Security round three, point 16: a gateway URL's credentials (user info, a key in the query) reached the logs.</summary>
    [Fact]
    public async Task A_gateway_urls_credentials_are_not_logged()
    {
        await using var gateway = new StubHttpServer();
        var url = new UriBuilder(gateway.Url("/sms")) { UserName = "mmx", Password = "pw-in-url-77", Query = "key=key-in-url-88" }.Uri;
        var lines = new ConcurrentQueue<string>();
        await using var withGateway = new GatewayApi(url, lines);
        Assert.Equal(0, (int)(await withGateway.NewClient().Post("/user/gencode", new { phone = AccountTestKit.NewPhone() }))["err"]!);
        Assert.Equal(1, gateway.RequestCount);
        Assert.Contains(lines, line => line.Contains("/sms"));
        Assert.DoesNotContain(lines, line => line.Contains("pw-in-url-77") || line.Contains("key-in-url-88"));
    }

    private sealed class GatewayApi(Uri gateway, ConcurrentQueue<string> lines)
        : ApiFactory(settings: new Dictionary<string, string> { ["Mmx:Sms:GatewayUrl"] = gateway.ToString() })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddFilter(_ => true);
                logging.Services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(lines));
            });
        }
    }
}
