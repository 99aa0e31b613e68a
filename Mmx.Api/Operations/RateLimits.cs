using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Mmx.Api.Operations;

/// <summary>
/// Per-client-address (and, for bulk look-ups, per-session) request limits of the front, in front
/// of the grains' own limits (SMS codes, login lock-out, phone-book allowance), which hold across
/// every API front. Over a limit: HTTP 429 with err 7. Limits per minute are configurable
/// (<c>Mmx:RateLimits:SignInPerMinute</c>, <c>SmsPerMinute</c>, <c>BulkPerMinute</c>,
/// <c>LookupPerMinute</c>, <c>LookupPerAddressPerMinute</c>, <c>AnonymousPerAddressPerMinute</c>).
/// Behind a reverse proxy, name it in <c>Mmx:ForwardedHeaders</c> so that the client address is the caller's.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Sms = "sms";
    public const string Bulk = "bulk";
    /// <summary>Look-ups of other users (search, user cards): per session, and per address below.</summary>
    public const string Lookup = "lookup";

    public static IServiceCollection AddMmxRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = Grains.Configuration.Settings.Read<RateLimitSettings>(configuration);
        var (signIn, sms, bulk) = (limits.SignInPerMinute, limits.SmsPerMinute, limits.BulkPerMinute);
        var (lookup, lookupPerAddress, anonymous) = (limits.LookupPerMinute, limits.LookupPerAddressPerMinute, limits.AnonymousPerAddressPerMinute);
        return services.AddRateLimiter(options =>
        {
            // Besides each route's policy, every request passes these two, per client address:
            // requests without a session token (anyone can make them, and random ids would
            // activate grains), and look-ups of users and phone books, whoever's session they use
            // (one address with many accounts is still one prober).
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Sessions.TokenOf(context.Request) is { Length: > 0 } ? RateLimitPartition.GetNoLimiter("session")
                        : PerMinute("n:" + ClientAddress(context), anonymous)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is Lookup or Bulk
                        ? PerMinute("l:" + ClientAddress(context), lookupPerAddress)
                        : RateLimitPartition.GetNoLimiter("other")));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                await ErrorResponses.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, Err.TooManyRequests,
                    "too many requests; try again in a minute");
            };
            options.AddPolicy(SignIn, context => PerMinute(ClientAddress(context), signIn));
            options.AddPolicy(Sms, context => PerMinute(ClientAddress(context), sms));
            options.AddPolicy(Bulk, context => PerMinute(PerSession(context), bulk));
            options.AddPolicy(Lookup, context => PerMinute("u" + PerSession(context), lookup));
        });
    }

    private static string PerSession(HttpContext context) =>
        Sessions.TokenOf(context.Request) is { Length: > 0 } token ? "s:" + Sessions.HashOf(token) : ClientAddress(context);

    private static string ClientAddress(HttpContext context) => "a:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local");

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
