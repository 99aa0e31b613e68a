using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mmx.Tests.Api;

/// <summary>Login modes 4-7 over HTTP: a server an operator told to trust bare openIDs, and the default, which does not.</summary>
public sealed class ThirdPartyLoginTests(ThirdPartyLoginTests.Api api) : IClassFixture<ThirdPartyLoginTests.Api>
{
    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string> { ["Mmx:ThirdParty:TrustOpenId"] = "true" })
    {
        public ConcurrentQueue<string> Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.Services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs)));
        }
    }

    [Fact]
    public async Task The_WeChat_web_login_without_the_apps_id_and_secret_is_err_11_and_calls_nobody()
    {
        var answer = await api.NewClient().Get("/thirdlogin/wechat?code=061Code");
        Assert.Equal(11, (int)answer["err"]!);
    }

    [Fact]
    public async Task The_first_login_registers_and_later_ones_log_into_the_same_account()
    {
        var client = api.NewClient();
        var openID = $"qq-{Guid.NewGuid():N}";
        var first = await client.Post("/user/login", new { mode = 4, type = 4, openID, dev = "IMEI-1" });
        Assert.Equal((0, 1, ""), ((int)first["err"]!, (int)first["isReg"]!, (string?)first["dev"]));
        var second = await client.Post("/user/login", new { mode = 4, type = 4, openID, dev = "IMEI-2" });
        Assert.Equal((0, 0, "IMEI-1"), ((int)second["err"]!, (int)second["isReg"]!, (string?)second["dev"]));
        Assert.Equal((long)first["accID"]!, (long)second["accID"]!);

        client.Token = (string)second["token"]!;
        Assert.Equal(0, (int)(await client.Get("/user/personal"))["err"]!);
        // The same openID of another provider is another identity.
        var weibo = await client.Post("/user/login", new { mode = 6, type = 4, openID, dev = "x" });
        Assert.Equal(1, (int)weibo["isReg"]!);
        Assert.NotEqual((long)first["accID"]!, (long)weibo["accID"]!);
        Assert.Equal(1, (int)(await client.Post("/user/login", new { mode = 5, type = 4, openID = "" }))["err"]!);
    }

    [Fact]
    public async Task The_default_server_trusts_no_bare_openid_in_the_embedded_mode_either()
    {
        await using var byDefault = new ApiFactory();
        foreach (var mode in new[] { 4, 5, 6, 7 })
        {
            var answer = await byDefault.NewClient().Post("/user/login", new { mode, type = 4, openID = "victim-openid" });
            Assert.Equal(11, (int)answer["err"]!);
        }
    }

    [Fact]
    public async Task A_server_that_trusts_bare_openids_says_so_at_start()
    {
        _ = api.NewClient();
        Assert.Contains(api.Logs, line => line.StartsWith("Warning ") && line.Contains("TrustOpenId is on"));
    }
}
