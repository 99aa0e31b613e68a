namespace Mmx.Tests.Api;

/// <summary>Login modes 4-7 over HTTP: embedded default (openIDs trusted) and a server that does not trust them.</summary>
public sealed class ThirdPartyLoginTests(ThirdPartyLoginTests.Api api) : IClassFixture<ThirdPartyLoginTests.Api>
{
    public sealed class Api : ApiFactory;

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
    public async Task A_server_that_does_not_trust_openids_answers_err_11()
    {
        await using var strict = new ApiFactory(settings: new Dictionary<string, string> { ["Mmx:ThirdParty:TrustOpenId"] = "false" });
        var answer = await strict.NewClient().Post("/user/login", new { mode = 7, type = 4, openID = "alipay-1" });
        Assert.Equal(11, (int)answer["err"]!);
    }
}
