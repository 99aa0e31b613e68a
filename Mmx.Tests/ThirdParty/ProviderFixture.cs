using System.Security.Cryptography;

namespace Mmx.Tests.ThirdParty;

/// <summary>
/// One API front whose four providers all point at one loopback stub, with token verification on
/// and a one-second provider budget, and RSA keys for the app and for the stub playing Alipay.
/// </summary>
public sealed class ProviderFixture : IAsyncLifetime
{
    public const string QqAppId = "101474821";
    public const string WeiboAppKey = "1352222456";
    public const string WeChatAppId = "wx0123456789abcdef";
    public const string WeChatAppSecret = "wechat-secret";

    public StubHttpServer Stub { get; } = new();
    public RSA AppKey { get; } = RSA.Create(2048);
    public RSA AlipayKey { get; } = RSA.Create(2048);
    public ApiFactory Api { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var baseUrl = Stub.Url().ToString().TrimEnd('/');
        Api = new ApiFactory(settings: new Dictionary<string, string>
        {
            // Short enough that the 4 s stub delays of the time-out test run out, long enough for a
            // first call on a machine busy starting every other fixture (1 s was not: CI saw an
            // Alipay login time out at start).
            ["Mmx:ThirdParty:TimeoutSeconds"] = "3",
            ["Mmx:ThirdParty:QQ:BaseUrl"] = baseUrl,
            ["Mmx:ThirdParty:QQ:AppId"] = QqAppId,
            ["Mmx:ThirdParty:QQ:Verify"] = "true",
            ["Mmx:ThirdParty:WeChat:BaseUrl"] = baseUrl,
            ["Mmx:ThirdParty:WeChat:AppId"] = WeChatAppId,
            ["Mmx:ThirdParty:WeChat:AppSecret"] = WeChatAppSecret,
            ["Mmx:ThirdParty:WeChat:Verify"] = "true",
            ["Mmx:ThirdParty:Weibo:BaseUrl"] = baseUrl,
            ["Mmx:ThirdParty:Weibo:AppId"] = WeiboAppKey,
            ["Mmx:ThirdParty:Weibo:AppSecret"] = "weibo-secret",
            ["Mmx:ThirdParty:Weibo:RedirectUri"] = "https://mmx.example/weibo",
            ["Mmx:ThirdParty:Weibo:Verify"] = "true",
            ["Mmx:ThirdParty:Alipay:BaseUrl"] = baseUrl + "/gateway.do",
            ["Mmx:ThirdParty:Alipay:AppId"] = "2021000000000001",
            ["Mmx:ThirdParty:Alipay:PrivateKeyPem"] = AppKey.ExportPkcs8PrivateKeyPem(),
            ["Mmx:ThirdParty:Alipay:ProviderPublicKeyPem"] = AlipayKey.ExportSubjectPublicKeyInfoPem(),
            ["Mmx:ThirdParty:Alipay:Verify"] = "true",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Stub.DisposeAsync();
        AppKey.Dispose();
        AlipayKey.Dispose();
    }
}
