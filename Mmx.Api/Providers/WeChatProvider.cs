using System.Text.Json.Nodes;

namespace Mmx.Api.Providers;

/// <summary>
/// WeChat open platform (login mode 5): <c>GET /sns/auth</c> answers errcode 0 when a token is
/// valid for that openID; <c>GET /sns/userinfo</c> answers the profile, or an errcode.
/// </summary>
public sealed class WeChatProvider(IHttpClientFactory http, ThirdPartySettings settings, ILogger<WeChatProvider> logger)
{
    private const string Name = "WeChat";
    private ProviderSettings Settings => settings.WeChat;

    public async Task Verify(string accessToken, string openId, CancellationToken cancellation)
    {
        var auth = await http.SendForJson(Name, () => new HttpRequestMessage(HttpMethod.Get,
            ProviderCalls.Endpoint(Settings.BaseUrl, "/sns/auth", ("access_token", accessToken), ("openid", openId))), logger, cancellation);
        if (auth["errcode"].Text() != "0") throw ProviderCalls.Refused(Name);
    }

    public async Task<JsonNode> UserInfo(string accessToken, string openId, CancellationToken cancellation)
    {
        var info = await http.SendForJson(Name, () => new HttpRequestMessage(HttpMethod.Get,
            ProviderCalls.Endpoint(Settings.BaseUrl, "/sns/userinfo", ("access_token", accessToken), ("openid", openId), ("lang", "zh_CN"))),
            logger, cancellation);
        // Success carries the openid asked for; failure carries an errcode instead.
        return info["errcode"] is null && info["openid"].Text() == openId ? info : throw ProviderCalls.Refused(Name);
    }
}
