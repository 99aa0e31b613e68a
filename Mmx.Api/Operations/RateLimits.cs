using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Mmx.Api.Accounts;

namespace Mmx.Api.Operations;

/// <summary>
/// Per-client-address (and, for bulk look-ups, per-session) request limits of the front, in front
/// of the grains' own limits (SMS codes, login lock-out, phone-book allowance), which hold across
/// every API front. Over a limit: HTTP 429 with err 7. Limits per minute are configurable
/// (<c>Mmx:RateLimits:SignInPerMinute</c>, <c>SmsPerMinute</c>, <c>BulkPerMinute</c>).
/// Behind a reverse proxy, name it in <c>Mmx:ForwardedHeaders</c> so that the client address is the caller's.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Sms = "sms";
    public const string Bulk = "bulk";

    public static IServiceCollection AddMmxRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Mmx:RateLimits");
        var signIn = section.GetValue("SignInPerMinute", 30);
        var sms = section.GetValue("SmsPerMinute", 10);
        var bulk = section.GetValue("BulkPerMinute", 20);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                MmxMetrics.Error((int)Err.TooManyRequests);
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { err = (int)Err.TooManyRequests, msg = "too many requests; try again in a minute" }, cancellationToken);
            };
            options.AddPolicy(SignIn, context => PerMinute(ClientAddress(context), signIn));
            options.AddPolicy(Sms, context => PerMinute(ClientAddress(context), sms));
            options.AddPolicy(Bulk, context => PerMinute(
                Sessions.TokenOf(context.Request) is { Length: > 0 } token ? "s:" + Sessions.HashOf(token) : ClientAddress(context), bulk));
        });
    }

    private static string ClientAddress(HttpContext context) => "a:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local");

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
