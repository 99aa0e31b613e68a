using Mmx.Api.Access;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Providers;

/// <summary>
/// The web client's WeChat login (contract: "Third-party login"). Its page trades WeChat's code at
/// <c>GET /thirdlogin/wechat</c>, then posts <c>/user/loginex</c> with the openID alone. A bare openID
/// proves nothing, so the exchange binds the openID it obtained to that browser: a random ticket in
/// an HttpOnly cookie, its hash kept by the identity's grain for ten minutes and good for one login.
/// The same body from a client without the cookie goes through the usual check.
/// </summary>
public static class WeChatWebTickets
{
    public const string CookieName = "mmx_wechat";
    public const int WeChatMode = 5;

    // Third-party logins are posted to /user/loginex (and /user/login); nothing else needs it.
    private const string CookiePath = "/user";

    public static async Task Issue(HttpResponse response, IGrainFactory grains, string openId)
    {
        var ticket = Sessions.NewToken();
        await Identity(grains, openId).IssueWebTicket(Sessions.HashOf(ticket));
        response.Cookies.Append(CookieName, ticket, Sessions.ProofCookie(response.HttpContext.Request, OpenIdGrain.WebTicketLifetime, CookiePath));
    }

    /// <summary>
    /// Whether this login is proven by the browser's ticket: a WeChat login without an access
    /// token, from the client that exchanged this openID's code. The ticket is spent by asking.
    /// </summary>
    public static async Task<bool> Redeem(HttpRequest request, IGrainFactory grains, int mode, string openId, string? accessToken)
    {
        if (mode != WeChatMode || !string.IsNullOrWhiteSpace(accessToken)) return false;
        if (!request.Cookies.TryGetValue(CookieName, out var ticket) || !Sessions.IsWellFormed(ticket)) return false;
        return await Identity(grains, openId).RedeemWebTicket(Sessions.HashOf(ticket));
    }

    public static void Clear(HttpResponse response) => response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });

    private static IOpenIdGrain Identity(IGrainFactory grains, string openId) => grains.GetGrain<IOpenIdGrain>($"{WeChatMode}:{openId}");
}
