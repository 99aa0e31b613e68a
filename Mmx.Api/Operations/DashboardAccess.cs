using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Mmx.Api.Hosting;
using Mmx.Grains.Common;

namespace Mmx.Api.Operations;

/// <summary>
/// The Orleans Dashboard at /dashboard has no authentication of its own, and its live log stream
/// shows account events: it is served in every mode only with the admin key. Scripts send
/// <c>X-Admin-Key</c>; a browser signs in once at <see cref="SignInPath"/> with the key, which
/// sets an HttpOnly, SameSite=Strict cookie for the dashboard's path that is valid for
/// <see cref="CookieLifetime"/> and names no key (an HMAC of its expiry under the key, so it ends
/// when the key changes). Loopback callers get nothing more than anyone else: a reverse proxy on
/// the same host would make everyone loopback. A dashboard route that faults answers a short
/// error, and its fault is logged without the request's details.
/// </summary>
public static class DashboardAccess
{
    public const string Path = "/dashboard";
    public const string SignInPath = Path + "/signin";
    public const string CookieName = "mmx_dashboard";
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(12);

    public static IApplicationBuilder UseDashboardGuard(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase))
            {
                await SignIn(context);
                return;
            }
            if (!AdminAccess.HasAdminKey(context) && !HasValidCookie(context))
            {
                await AskToSignIn(context);
                return;
            }
            await Guarded(context, next);
        }));

    private static async Task Guarded(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Mmx.Api.Dashboard")
                .LogWarning("A dashboard view failed ({Error}: {Message})", ex.GetType().Name, ex.Message);
            await ErrorResponses.Write(context, StatusCodes.Status503ServiceUnavailable, Err.Internal, "this dashboard view is not available");
        }
    }

    /// <summary>GET: the form; POST (form field <c>key</c>): the cookie and back to the dashboard, or the form again.</summary>
    private static async Task SignIn(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            var key = context.RequestServices.GetRequiredService<AdminKey>().Value;
            if (AdminAccess.IsAdminKey(form["key"].ToString(), key))
            {
                var expires = context.RequestServices.GetRequiredKeyedService<TimeProvider>(MmxClock.Key).GetUtcNow() + CookieLifetime;
                context.Response.Cookies.Append(CookieName, CookieValue(key, expires.ToUnixTimeSeconds()), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                    Path = Path,
                    Expires = expires,
                });
                context.Response.Redirect(Path + "/");
                return;
            }
            await Form(context, StatusCodes.Status403Forbidden, "That is not the admin key.");
            return;
        }
        await Form(context, StatusCodes.Status200OK, null);
    }

    private static Task AskToSignIn(HttpContext context)
    {
        // Pages go to the form; the dashboard's own data calls and scripts get the contract's error.
        var wantsPage = context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (HttpMethods.IsGet(context.Request.Method) && wantsPage)
        {
            context.Response.Redirect(SignInPath);
            return Task.CompletedTask;
        }
        throw new ApiException(Err.Forbidden, "the dashboard needs X-Admin-Key or a sign-in at " + SignInPath, StatusCodes.Status403Forbidden);
    }

    private static Task Form(HttpContext context, int status, string? message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";
        var note = message is null ? "" : $"<p>{WebUtility.HtmlEncode(message)}</p>";
        return context.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>MMX dashboard sign-in</title>
            <style>body{font-family:sans-serif;margin:4em auto;max-width:24em}</style></head>
            <body><h1>MMX dashboard</h1>{{note}}
            <form method="post" action="{{SignInPath}}"><label>Admin key <input type="password" name="key" autocomplete="off" autofocus></label>
            <button type="submit">Sign in</button></form></body></html>
            """);
    }

    private static bool HasValidCookie(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var cookie) || cookie.Split('.') is not [var expiresText, _]) return false;
        if (!long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)) return false;
        var now = context.RequestServices.GetRequiredKeyedService<TimeProvider>(MmxClock.Key).GetUtcNow().ToUnixTimeSeconds();
        if (expires < now || expires > now + (long)CookieLifetime.TotalSeconds) return false;
        var key = context.RequestServices.GetRequiredService<AdminKey>().Value;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(CookieValue(key, expires)));
    }

    private static string CookieValue(string adminKey, long expires) =>
        $"{expires}.{Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(adminKey), Encoding.ASCII.GetBytes($"mmx-dashboard:{expires}")))}";
}
