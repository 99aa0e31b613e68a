using System.Text.Json.Nodes;
using Mmx.Api.Accounts;
using Mmx.Api.Operations;

namespace Mmx.Api.ThirdParty;

/// <summary>
/// The v2 provider look-ups: /userweb/qqinfo/{openid}, /userweb/weiboinfo/{uid},
/// /userweb/thirdlogin/wechat/info. Each answers the provider's own user info as it sent it
/// (<c>userinfo</c>), err 8 when the provider refuses the credentials, err 12 when it fails or
/// does not answer in time.
/// </summary>
public static class ProviderInfoApi
{
    public static IEndpointRouteBuilder MapProviderInfoApi(this IEndpointRouteBuilder app)
    {
        var web = app.MapGroup("/userweb").WithTags("Third party").RequireSession();
        web.MapGet("/qqinfo/{openid}", Qq).WithSummary("QQ's user info for ?assess_token= (or access_token=)")
            .RequireRateLimiting(RateLimits.Bulk);
        web.MapGet("/weiboinfo/{uid}", Weibo).WithSummary("Weibo's user info for the holder of ?code=")
            .RequireRateLimiting(RateLimits.Bulk);
        web.MapGet("/thirdlogin/wechat/info", WeChat).WithSummary("WeChat's user info for ?access_token=&open_id=")
            .RequireRateLimiting(RateLimits.Bulk);
        return app;
    }

    private static async Task<IResult> Qq(string openid, HttpRequest request, QqProvider qq)
    {
        // The spec spells the parameter "assess_token"; the provider's own name is accepted too.
        var key = request.Query.ContainsKey("assess_token") ? "assess_token" : "access_token";
        var token = request.Query.RequiredText(key, OpenIdVerifier.MaxTokenLength);
        return Answer(await qq.UserInfo(token, Identifier(openid, "openid"), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> Weibo(string uid, HttpRequest request, WeiboProvider weibo)
    {
        var code = request.Query.RequiredText("code", OpenIdVerifier.MaxTokenLength);
        return Answer(await weibo.UserInfo(code, Identifier(uid, "uid"), request.HttpContext.RequestAborted));
    }

    private static async Task<IResult> WeChat(HttpRequest request, WeChatProvider weChat)
    {
        var token = request.Query.RequiredText("access_token", OpenIdVerifier.MaxTokenLength);
        var openId = Identifier(request.Query.RequiredText("open_id", 128), "open_id");
        return Answer(await weChat.UserInfo(token, openId, request.HttpContext.RequestAborted));
    }

    /// <summary>Provider ids are word characters (the spec's <c>(\w+)</c>): letters, digits, '_' and '-'.</summary>
    private static string Identifier(string value, string field) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? value
            : throw ApiException.BadRequest($"{field} must be 1 to 128 letters, digits, '_' or '-'");

    private static IResult Answer(JsonNode userInfo) =>
        Results.Json(new { err = Err.Ok, is_success = true, userinfo = userInfo });
}
