namespace Mmx.Api.Http;

/// <summary>
/// Headers every answer carries: <c>X-Content-Type-Options: nosniff</c> (a browser never reads an
/// answer as another type than it says, e.g. a JSON error as HTML), and over TLS
/// <c>Strict-Transport-Security</c> (a year; the browser then never uses plain HTTP for this host).
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
