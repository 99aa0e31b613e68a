using Mmx.Api.Operations.OpenApi;
using System.Security.Cryptography;
using System.Text;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Access;

/// <summary>
/// Session tokens: 32 random bytes (base64url) given to the client, sent back as
/// <c>Authorization: Bearer</c> or the <c>mmx_token</c> cookie. Grains know only the token's
/// SHA-256, so stored state never holds a usable token.
/// </summary>
public static class Sessions
{
    public const string CookieName = "mmx_token";
    private const string AccIdItem = "mmx.accId";

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Hands the token to the client: in the answer (by the caller) and as an HttpOnly cookie.</summary>
    public static void SetCookie(HttpResponse response, string token, string cookieName = CookieName) =>
        response.Cookies.Append(cookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = SessionGrain.Lifetime,
            Path = "/",
        });

    /// <summary>
    /// The cookie of a short-lived proof (a verification ticket, the WeChat web login's ticket):
    /// HttpOnly, sent only by the same site, over HTTPS where the request came by HTTPS, and only to
    /// the paths that spend it.
    /// </summary>
    public static CookieOptions ProofCookie(HttpRequest request, TimeSpan lifetime, string path) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        MaxAge = lifetime,
        Path = path,
    };

    /// <summary>
    /// For a GET that changes something (the spec's quickmodifyimg, imgupload): only with the token
    /// in the Authorization header. A cookie alone would let any site's link or image tag act for
    /// the user; a page on another site cannot set the header.
    /// </summary>
    public static void RequireHeaderForChangingGet(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw ApiException.Forbidden("this GET changes your data: send the token as Authorization: Bearer (or use PUT)");
    }

    /// <summary>The token a request carries: the bearer token, else the cookie (a user's, or <paramref name="cookieName"/>).</summary>
    public static string? TokenOf(HttpRequest request, string cookieName = CookieName)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Cookies.TryGetValue(cookieName, out var cookie) ? cookie : null;
    }

    /// <summary>
    /// The filter of every route that needs a session: err 2 before the request's parameters or
    /// body are looked at, unless the token names a live session.
    /// </summary>
    public static async ValueTask<object?> Require(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var session = await Resolve(http);
        if (!session.Offered) throw new ApiException(Err.NotLoggedIn, "log in first");
        if (session.NotAsked)
            throw new ApiException(Err.TooManyRequests, "too many unknown session tokens from this address; try again in a minute", StatusCodes.Status429TooManyRequests);
        http.Items[AccIdItem] = session.AccId ?? throw new ApiException(Err.NotLoggedIn, "the session has ended; log in again");
        return await next(context);
    }

    /// <summary>What a request's token turned out to be: none offered, a live session's account, or not live (or not asked about: too many unknown tokens).</summary>
    public sealed record Resolution(bool Offered, string? TokenHash, long? AccId, bool NotAsked)
    {
        public static readonly Resolution None = new(false, null, null, false);
    }

    private const string ResolutionItem = "mmx.session";

    /// <summary>
    /// The request's session, worked out once (the first to ask: the middleware before the limits,
    /// so that they tell a signed-in request from an anonymous one by a session this front could
    /// confirm, never by a cookie's mere presence).
    /// </summary>
    public static async ValueTask<Resolution> Resolve(HttpContext context)
    {
        if (context.Items.TryGetValue(ResolutionItem, out var known) && known is Resolution done) return done;
        var token = TokenOf(context.Request);
        Resolution resolution;
        if (!IsWellFormed(token)) resolution = Resolution.None;
        else
        {
            var notAsked = false;
            var accId = await LiveAccId(context, token, orElse: () => { notAsked = true; return null; });
            resolution = new Resolution(true, HashOf(token), accId, notAsked);
        }
        context.Items[ResolutionItem] = resolution;
        return resolution;
    }

    /// <summary>What <see cref="Resolve"/> found for this request, without asking anything (none when not resolved yet).</summary>
    public static Resolution Resolved(HttpContext context) =>
        context.Items.TryGetValue(ResolutionItem, out var known) && known is Resolution done ? done : Resolution.None;

    /// <summary>The middleware that resolves every request's session before the limits see it.</summary>
    public static IApplicationBuilder UseSessionResolution(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await Resolve(context);
            await next(context);
        });

    /// <summary>The logged-in account of a request that passed <see cref="Require"/>.</summary>
    public static long AccId(this HttpContext context) =>
        context.Items[AccIdItem] as long? ?? throw new InvalidOperationException("The route has no session filter.");

    /// <summary>The logged-in user's own grain of a per-account kind (user, lists, social).</summary>
    public static T Own<T>(this IGrainFactory grains, HttpContext context) where T : IGrainWithIntegerKey =>
        grains.GetGrain<T>(context.AccId());

    /// <summary>The logged-in account, if the request carries a live session (for public routes that show more to members).</summary>
    public static async Task<long?> OptionalAccId(HttpContext context) => (await Resolve(context)).AccId;

    /// <summary>
    /// Exactly what <see cref="NewToken"/> makes (43 base64url characters): anything else is
    /// refused before any grain is asked about it.
    /// </summary>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private const int TokenLength = 43;

    /// <summary>
    /// The account of the token's session, from this front's cache or the session grain; when the
    /// client address has offered too many unknown tokens, <paramref name="orElse"/> without asking.
    /// </summary>
    private static async ValueTask<long?> LiveAccId(HttpContext context, string token, Func<long?> orElse)
    {
        var cache = context.RequestServices.GetRequiredService<SessionCache>();
        var hash = HashOf(token);
        if (cache.Remembered(hash) is { } remembered) return remembered;
        var unknown = context.RequestServices.GetRequiredService<UnknownTokens>();
        if (!unknown.MayAsk(context)) return orElse();
        var accId = await cache.Validate(hash);
        if (accId is null) unknown.Refused(context);
        return accId;
    }

    /// <summary>Every route of the group needs a live session (and the OpenAPI document says so).</summary>
    public static RouteGroupBuilder RequireSession(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(Require).Needs(Operations.OpenApi.RouteSecurity.Session);
}
