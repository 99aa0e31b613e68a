using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Mmx.Api.Access.Operators;
using Mmx.Grains.Common;

namespace Mmx.Api.Operations;

/// <summary>
/// The Orleans Dashboard at /dashboard has no authentication of its own, and it reads any grain's
/// state and the live log: it is served in every mode only to an operator key with the dashboard
/// role. Scripts send <c>X-Admin-Key</c> (an audit line each); a browser signs in once at
/// <see cref="SignInPath"/> with the key (an audit line), which sets an HttpOnly, SameSite=Strict
/// cookie for the dashboard's path, valid for <see cref="CookieLifetime"/>, naming its operator and
/// no key (an HMAC under the operator's key hash, so it ends when the key is removed), and the
/// revocation counters of its sign-in. Cookies are
/// revocable: <see cref="SignOutPath"/> revokes its operator's, <c>POST /admin/dashboard/signout</c>
/// an operator's or everyone's, on every front within seconds (<see cref="DashboardRevocations"/>). Loopback callers get nothing more than anyone else: a reverse proxy on
/// the same host would make everyone loopback. A dashboard route that faults answers a short
/// error, and its fault is logged without the request's details.
/// </summary>
public static class DashboardAccess
{
    public const string Path = "/dashboard";
    public const string SignInPath = Path + "/signin";
    public const string SignOutPath = Path + "/signout";
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
            var signedIn = await CookieOperator(context);
            if (context.Request.Path.Equals(SignOutPath, StringComparison.OrdinalIgnoreCase) && signedIn is not null)
            {
                await SignOut(context, signedIn);
                return;
            }
            if (signedIn is null)
            {
                var key = context.Request.Headers[AdminAccess.Header].ToString();
                if (key.Length == 0)
                {
                    await AskToSignIn(context);
                    return;
                }
                try
                {
                    AdminAccess.Authorize(context, OperatorRoles.Dashboard, key);
                }
                catch (ApiException refused) when (refused.HttpStatus == StatusCodes.Status200OK)
                {
                    // The dashboard is no contract route: a refusal is a 403, as without a key.
                    throw new ApiException(refused.Err, refused.Message, StatusCodes.Status403Forbidden);
                }
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
            Operator signedIn;
            try
            {
                signedIn = AdminAccess.Authorize(context, OperatorRoles.Dashboard, form["key"].ToString());
            }
            catch (ApiException refused)
            {
                var status = refused.Err == Err.TooManyRequests ? StatusCodes.Status429TooManyRequests : StatusCodes.Status403Forbidden;
                await Form(context, status, refused.Err == Err.TooManyRequests ? refused.Message : "That is not an operator key with the dashboard role.");
                return;
            }
            var epochs = await context.RequestServices.GetRequiredService<DashboardRevocations>().Current(signedIn.Name);
            var expires = Clock(context).GetUtcNow() + CookieLifetime;
            context.Response.Cookies.Append(CookieName, CookieValue(signedIn, epochs, expires.ToUnixTimeSeconds()), new CookieOptions
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

    /// <summary>Ends the caller's dashboard sign-ins (every cookie of its operator) and clears its cookie.</summary>
    private static async Task SignOut(HttpContext context, Operator signedIn)
    {
        await context.RequestServices.GetRequiredService<DashboardRevocations>().Revoke(signedIn.Name);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(AdminAccess.AuditCategory)
            .LogInformation("Operator {Operator} signed out of the dashboard", signedIn.Name);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = Path });
        context.Response.Redirect(SignInPath);
    }

    /// <summary>The operator a valid, unrevoked dashboard cookie names (its key still has the dashboard role), or null.</summary>
    private static async Task<Operator?> CookieOperator(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var cookie)
            || cookie.Split('.') is not [var name, var ownText, var everyoneText, var expiresText, _]) return null;
        if (!long.TryParse(ownText, NumberStyles.None, CultureInfo.InvariantCulture, out var own)
            || !long.TryParse(everyoneText, NumberStyles.None, CultureInfo.InvariantCulture, out var everyone)
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)) return null;
        var now = Clock(context).GetUtcNow().ToUnixTimeSeconds();
        if (expires < now || expires > now + (long)CookieLifetime.TotalSeconds) return null;
        if (context.RequestServices.GetRequiredService<OperatorKeys>().Named(name) is not { } signedIn
            || (signedIn.Roles & OperatorRoles.Dashboard) == 0) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(CookieValue(signedIn, (own, everyone), expires)))) return null;
        return await context.RequestServices.GetRequiredService<DashboardRevocations>().IsRevoked(name, (own, everyone)) ? null : signedIn;
    }

    private static TimeProvider Clock(HttpContext context) => context.RequestServices.GetRequiredKeyedService<TimeProvider>(MmxClock.Key);

    private static string CookieValue(Operator signedIn, (long Own, long Everyone) epochs, long expires)
    {
        var claims = $"{signedIn.Name}.{epochs.Own}.{epochs.Everyone}.{expires}";
        return $"{claims}.{Convert.ToHexStringLower(HMACSHA256.HashData(signedIn.KeyHash, Encoding.UTF8.GetBytes("mmx-dashboard:" + claims)))}";
    }
}
