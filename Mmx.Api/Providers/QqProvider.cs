using System.Text.Json.Nodes;

namespace Mmx.Api.Providers;

/// <summary>
/// QQ Connect (login mode 4): <c>GET /oauth2.0/me?access_token=&amp;fmt=json</c> names the openID
/// (and app) a token belongs to; <c>GET /user/get_user_info</c> answers the profile, with
/// <c>ret</c> 0 on success.
/// </summary>
public sealed class QqProvider(IHttpClientFactory http, ThirdPartySettings settings, ILogger<QqProvider> logger)
{
    private const string Name = "QQ";
    private ProviderSettings Settings => settings.QQ;

    public async Task Verify(string accessToken, string openId, CancellationToken cancellation)
    {
        var me = await http.SendForJson(Name, () => new HttpRequestMessage(HttpMethod.Get,
            ProviderCalls.Endpoint(Settings.BaseUrl, "/oauth2.0/me", ("access_token", accessToken), ("fmt", "json"))), logger, cancellation);
        var belongs = me["openid"].Text() == openId
            // A token issued to another app must not log in here.
            && me["client_id"].Text() == Settings.AppId;
        if (!belongs) throw ProviderCalls.Refused(Name);
    }

    public async Task<JsonNode> UserInfo(string accessToken, string openId, CancellationToken cancellation)
    {
        var info = await http.SendForJson(Name, () => new HttpRequestMessage(HttpMethod.Get,
            ProviderCalls.Endpoint(Settings.BaseUrl, "/user/get_user_info",
                ("access_token", accessToken), ("oauth_consumer_key", Settings.AppId), ("openid", openId))), logger, cancellation);
        return info["ret"].Text() == "0" ? info : throw ProviderCalls.Refused(Name);
    }
}
