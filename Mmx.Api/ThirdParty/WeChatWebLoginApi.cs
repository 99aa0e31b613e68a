using System.Text.Json.Nodes;
using Mmx.Api.Operations;
using Mmx.Api.Providers;

namespace Mmx.Api.ThirdParty;

/// <summary>
/// The web client's WeChat login, at the original's paths: <c>GET /thirdlogin/wechat?code=</c>
/// trades the code of WeChat's login redirect server-side and binds the openID to this browser
/// (<see cref="WeChatWebTickets"/>), so that its next <c>/user/loginex</c> with that openID logs in;
/// <c>GET /thirdlogin/wechat/info?access_token=&amp;openid=</c> answers WeChat's user info with its
/// fields at the top level, as the page reads them (the spec's <c>/userweb/thirdlogin/wechat/info</c>
/// nests them in <c>userinfo</c>).
/// </summary>
public static class WeChatWebLoginApi
{
    public static IEndpointRouteBuilder MapWeChatWebLoginApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/thirdlogin/wechat", Exchange).WithTags("Third party").WithSummary("Trades WeChat's web login code for its token and openID, and binds the openID to this browser for its loginex")
            .WithQuery(QueryDocs.Text("code", "the code WeChat's login redirect carried", OpenIdVerifier.MaxTokenLength, required: true))
            .RequireRateLimiting(RateLimits.SignIn);
        app.MapGroup("/thirdlogin/wechat/info").WithTags("Third party").RequireSession()
            .MapGet("", Info).WithSummary("WeChat's user info for ?access_token=&openid=, its fields at the top level")
            .WithQuery(QueryDocs.Text("access_token", "the WeChat access token", OpenIdVerifier.MaxTokenLength, required: true),
                QueryDocs.Text("openid", "the WeChat openID (open_id is read too)", 128, required: true))
            .RequireRateLimiting(RateLimits.Bulk);
        return app;
    }

    private static async Task<WeChatTokenReply> Exchange(HttpRequest request, HttpResponse response, WeChatProvider weChat, IGrainFactory grains)
    {
        var code = ProviderIds.Required(request.Query.RequiredText("code", OpenIdVerifier.MaxTokenLength), "code", OpenIdVerifier.MaxTokenLength);
        var token = await weChat.ExchangeCode(code, request.HttpContext.RequestAborted);
        var openId = ProviderIds.Required(token["openid"].Text(), "openid");
        await WeChatWebTickets.Issue(response, grains, openId);
        return new(Err.Ok, token["access_token"].Text()!, openId, long.TryParse(token["expires_in"].Text(), out var expires) ? expires : null,
            token["scope"].Text());
    }

    private static async Task<WeChatUserInfoReply> Info(HttpRequest request, WeChatProvider weChat)
    {
        var key = request.Query.ContainsKey("openid") ? "openid" : "open_id";
        var openId = ProviderIds.Required(request.Query.RequiredText(key, 128), key);
        var token = request.Query.RequiredText("access_token", OpenIdVerifier.MaxTokenLength);
        var info = await weChat.UserInfo(token, openId, request.HttpContext.RequestAborted);
        var fields = info.AsObject().Where(field => field.Key != "err")
            .ToDictionary(field => field.Key, field => System.Text.Json.JsonSerializer.SerializeToElement(field.Value));
        return new(Err.Ok) { Fields = fields };
    }
}
