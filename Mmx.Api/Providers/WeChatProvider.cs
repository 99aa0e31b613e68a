using System.Text.Json.Nodes;

namespace Mmx.Api.Providers;

/// <summary>
/// WeChat open platform (login mode 5): <c>GET /sns/auth</c> answers errcode 0 when a token is
/// valid for that openID; <c>GET /sns/userinfo</c> answers the profile, or an errcode;
/// <c>GET /sns/oauth2/access_token</c> trades a web login's code for a token and its openID.
/// </summary>
public sealed class WeChatProvider(IHttpClientFactory http, ThirdPartySettings settings, ILogger<WeChatProvider> logger)
{
    private const string Name = "WeChat";
    private WeChatSettings Settings => settings.WeChat;

    /// <summary>
    /// Trades the code WeChat gave the web client's redirect for the token and openID of the user
    /// who scanned the login QR (the app secret stays here). Answers the provider's fields; a
    /// code it refuses (used, expired, of another app) is err 8, a server without the app's id
    /// and secret err 11.
    /// </summary>
    public async Task<JsonNode> ExchangeCode(string code, CancellationToken cancellation)
    {
        if (!Settings.WebLoginConfigured())
            throw new ApiException(Err.Unsupported, "the WeChat web login is not enabled on this server");
        var answer = await http.SendForJson(Name, () => new HttpRequestMessage(HttpMethod.Get,
            ProviderCalls.Endpoint(Settings.BaseUrl, "/sns/oauth2/access_token", ("appid", Settings.AppId),
                ("secret", Settings.AppSecret), ("code", code), ("grant_type", "authorization_code"))), logger, cancellation);
        return answer["errcode"] is null && !string.IsNullOrEmpty(answer["openid"].Text()) && !string.IsNullOrEmpty(answer["access_token"].Text())
            ? answer
            : throw ProviderCalls.Refused(Name);
    }

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
