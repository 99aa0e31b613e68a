using Mmx.Api.Operations.OpenApi;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Access;

/// <summary>
/// Merchants' sessions (contract: "Merchants"): a merchant token never opens a user route, nor a
/// user token a merchant route (err 2). A merchant token is <c>m.</c> and a user token's 43
/// characters, so that neither is ever looked up as the other (nor counted as an unknown user
/// token); its session grain is keyed <c>m:{SHA-256}</c>, apart from users' sessions. Sent back
/// as <c>Authorization: Bearer</c> or the HttpOnly <c>mmx_merchant</c> cookie the portal keeps.
/// </summary>
public static class MerchantSessions
{
    public const string CookieName = "mmx_merchant";
    private const string Prefix = "m.";
    private const string ShopItem = "mmx.merchantShop";

    public static string NewToken() => Prefix + Sessions.NewToken();

    /// <summary>The session grain of a merchant token (the token itself never reaches a grain).</summary>
    public static ISessionGrain Grain(IGrainFactory grains, string token) => grains.GetGrain<ISessionGrain>(KeyOf(token));

    /// <summary>The session grain's key of a merchant token (the merchant grain keeps it, to end the session on a reset).</summary>
    public static string KeyOf(string token) => "m:" + Sessions.HashOf(token);

    public static void SetCookie(HttpResponse response, string token) => Sessions.SetCookie(response, token, CookieName);

    public static void ClearCookie(HttpResponse response) => response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });

    /// <summary>A merchant token the request carries (bearer first, then the cookie), or null.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var token = Sessions.TokenOf(request, CookieName);
        return token is not null && token.StartsWith(Prefix, StringComparison.Ordinal) && Sessions.IsWellFormed(token[Prefix.Length..]) ? token : null;
    }

    /// <summary>The filter of every merchant route: err 2 unless the request carries a live merchant session.</summary>
    public static async ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Items[ShopItem] = await ShopOf(context.HttpContext);
        return await next(context);
    }

    /// <summary>The shop of the merchant session the request carries; err 2 without a live one (routes outside the merchant groups: the uploader).</summary>
    public static async Task<long> ShopOf(HttpContext http)
    {
        if (TokenOf(http.Request) is not { } token) throw new ApiException(Err.NotLoggedIn, "log in as the shop's merchant first");
        var unknown = http.RequestServices.GetRequiredService<UnknownTokens>();
        if (!unknown.MayAsk(http))
            throw new ApiException(Err.TooManyRequests, "too many unknown session tokens from this address; try again in a minute", StatusCodes.Status429TooManyRequests);
        var shopId = await Grain(http.RequestServices.GetRequiredService<IGrainFactory>(), token).Validate();
        if (shopId is null)
        {
            unknown.Refused(http);
            throw new ApiException(Err.NotLoggedIn, "the merchant session has ended; log in again");
        }
        return shopId.Value;
    }

    /// <summary>The shop of the logged-in merchant (a route behind <see cref="RequireMerchant"/>).</summary>
    public static long MerchantShop(this HttpContext context) =>
        context.Items[ShopItem] as long? ?? throw new InvalidOperationException("The route has no merchant session filter.");

    /// <summary>The route's shop, when it is the logged-in merchant's own; err 3 for anyone else's.</summary>
    public static long OwnShop(this HttpContext context, long shopId) =>
        shopId == context.MerchantShop() ? shopId : throw ApiException.Forbidden("this is another merchant's shop");

    public static RouteGroupBuilder RequireMerchant(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(Require).Needs(RouteSecurity.MerchantSession);
}
