using System.Text.Json.Nodes;

namespace Mmx.Api.Providers;

/// <summary>
/// Sina Weibo (login mode 6): <c>POST /oauth2/get_token_info</c> names the uid and app key of a
/// token; <c>POST /oauth2/access_token</c> trades an authorization code for a token and uid;
/// <c>GET /2/users/show.json</c> answers a user's profile. Failures carry <c>error_code</c>.
/// </summary>
public sealed class WeiboProvider(IHttpClientFactory http, ThirdPartySettings settings, ILogger<WeiboProvider> logger)
{
    private const string Name = "Weibo";
    private WeiboSettings Settings => settings.Weibo;

    public async Task Verify(string accessToken, string uid, CancellationToken cancellation)
    {
        var info = await http.SendForJson(Name, () => Form("/oauth2/get_token_info", ("access_token", accessToken)), logger, cancellation);
        var belongs = info["error_code"] is null && info["uid"].Text() == uid
            && info["appkey"].Text() == Settings.AppId;
        if (!belongs) throw ProviderCalls.Refused(Name);
    }

    /// <summary>The profile of <paramref name="uid"/>, for the holder of a code issued to that uid.</summary>
    public async Task<JsonNode> UserInfo(string code, string uid, CancellationToken cancellation)
    {
        var token = await http.SendForJson(Name, () => Form("/oauth2/access_token",
            ("client_id", Settings.AppId), ("client_secret", Settings.AppSecret), ("grant_type", "authorization_code"),
            ("code", code), ("redirect_uri", Settings.RedirectUri)), logger, cancellation);
        if (token["access_token"].Text() is not { Length: > 0 } accessToken || token["uid"].Text() != uid) throw ProviderCalls.Refused(Name);

        var user = await http.SendForJson(Name, () => new HttpRequestMessage(HttpMethod.Get,
            ProviderCalls.Endpoint(Settings.BaseUrl, "/2/users/show.json", ("access_token", accessToken), ("uid", uid))), logger, cancellation);
        return user["error_code"] is null && user["id"] is not null ? user : throw ProviderCalls.Refused(Name);
    }

    private HttpRequestMessage Form(string path, params (string Key, string Value)[] fields) =>
        new(HttpMethod.Post, ProviderCalls.Endpoint(Settings.BaseUrl, path))
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))),
        };
}
