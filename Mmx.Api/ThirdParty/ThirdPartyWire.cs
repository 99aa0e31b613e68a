using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mmx.Api.ThirdParty;

/// <summary>A provider's user info as the provider sent it (its own fields, not MMX's).</summary>
public sealed record ProviderInfoReply(Err Err, [property: JsonPropertyName("is_success")] bool IsSuccess, JsonNode Userinfo);

/// <summary>
/// The web login's code exchange: the token and openID WeChat answered, in its own field names (the
/// web client reads <c>access_token</c> and <c>openid</c>). WeChat's refresh token stays out: the
/// page never uses it, and it would outlive the login by a month.
/// </summary>
public sealed record WeChatTokenReply(
    Err Err,
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("openid")] string OpenId,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope);

/// <summary>WeChat's user info with its fields at the top level (<c>nickname</c>, <c>sex</c>, <c>headimgurl</c>…), as the web client reads them.</summary>
public sealed record WeChatUserInfoReply(Err Err)
{
    [JsonExtensionData] public Dictionary<string, System.Text.Json.JsonElement>? Fields { get; init; }
}
