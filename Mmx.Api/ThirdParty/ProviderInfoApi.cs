using Mmx.Api.Providers;
using System.Text.Json.Nodes;
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
            .WithQuery(QueryDocs.Text("assess_token", "the QQ access token (the spec's spelling; access_token is read too)", OpenIdVerifier.MaxTokenLength, required: true))
            .RequireRateLimiting(RateLimits.Bulk);
        web.MapGet("/weiboinfo/{uid}", Weibo).WithSummary("Weibo's user info for the holder of ?code=")
            .WithQuery(QueryDocs.Text("code", "the Weibo authorization code", OpenIdVerifier.MaxTokenLength, required: true))
            .RequireRateLimiting(RateLimits.Bulk);
        web.MapGet("/thirdlogin/wechat/info", WeChat).WithSummary("WeChat's user info for ?access_token=&open_id=")
            .WithQuery(QueryDocs.Text("access_token", "the WeChat access token", OpenIdVerifier.MaxTokenLength, required: true),
                QueryDocs.Text("open_id", "the WeChat openID", 128, required: true))
            .RequireRateLimiting(RateLimits.Bulk);
        return app;
    }

    private static async Task<ProviderInfoReply> Qq(string openid, HttpRequest request, QqProvider qq)
    {
        // The spec spells the parameter "assess_token"; the provider's own name is accepted too.
        var key = request.Query.ContainsKey("assess_token") ? "assess_token" : "access_token";
        var token = request.Query.RequiredText(key, OpenIdVerifier.MaxTokenLength);
        return Answer(await qq.UserInfo(token, ProviderIds.Required(openid, "openid"), request.HttpContext.RequestAborted));
    }

    private static async Task<ProviderInfoReply> Weibo(string uid, HttpRequest request, WeiboProvider weibo)
    {
        var code = request.Query.RequiredText("code", OpenIdVerifier.MaxTokenLength);
        return Answer(await weibo.UserInfo(code, ProviderIds.Required(uid, "uid"), request.HttpContext.RequestAborted));
    }

    private static async Task<ProviderInfoReply> WeChat(HttpRequest request, WeChatProvider weChat)
    {
        var token = request.Query.RequiredText("access_token", OpenIdVerifier.MaxTokenLength);
        var openId = ProviderIds.Required(request.Query.RequiredText("open_id", 128), "open_id");
        return Answer(await weChat.UserInfo(token, openId, request.HttpContext.RequestAborted));
    }

    private static ProviderInfoReply Answer(JsonNode userInfo) => new(Err.Ok, true, userInfo);
}
