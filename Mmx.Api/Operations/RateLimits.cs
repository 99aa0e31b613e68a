using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Mmx.Api.Operations;

/// <summary>
/// The front's request limits, in front of the grains' own (SMS codes, login lock-out, phone-book
/// allowance), which hold across every API front. Over a limit: HTTP 429 with err 7. A request is
/// signed in when its token names a live session (resolved before the limits, from this front's
/// session cache or the session grain): anything else, a made-up cookie included, is anonymous. Signed-in traffic is limited per session
/// first (<c>SessionPerMinute</c>), and per client address only by a ceiling high enough for a
/// carrier's NAT (<c>SessionPerAddressPerMinute</c>), so that thousands of phones behind one IPv4
/// address are not locked out by a few; anonymous traffic per address
/// (<c>AnonymousPerAddressPerMinute</c>). An IPv6 client's address counts by its /64 (one
/// subscriber's prefix). Limits per minute are configurable (<c>Mmx:RateLimits:*</c>). Behind a
/// reverse proxy, name it in <c>Mmx:ForwardedHeaders</c> so that the client address is the caller's.
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
        var (perSession, sessionsPerAddress) = (limits.SessionPerMinute, limits.SessionPerAddressPerMinute);
        return services.AddRateLimiter(options =>
        {
            // Besides each route's policy, every request passes these: per client address, the
            // anonymous limit or the signed-in ceiling; per session, the session's own; and look-ups
            // of users and phone books per address, whoever's session they use (one address with
            // many accounts is still one prober).
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    KnownSession(context) is not null ? PerMinute("sa:" + ClientAddress(context), sessionsPerAddress)
                        : PerMinute("n:" + ClientAddress(context), anonymous)),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    KnownSession(context) is { } session ? PerMinute("s:" + session, perSession) : RateLimitPartition.GetNoLimiter("anonymous")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is Lookup or Bulk
                        ? PerMinute("l:" + ClientAddress(context), lookupPerAddress)
                        : RateLimitPartition.GetNoLimiter("other")));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                await ErrorResponses.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, Err.TooManyRequests,
                    "too many requests; try again in a minute",
                    retryAfter: context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null);
            };
            options.AddPolicy(SignIn, context => PerMinute(ClientAddress(context), signIn));
            options.AddPolicy(Sms, context => PerMinute(ClientAddress(context), sms));
            options.AddPolicy(Bulk, context => PerMinute(PerSession(context), bulk));
            options.AddPolicy(Lookup, context => PerMinute("u" + PerSession(context), lookup));
        });
    }

    private static string PerSession(HttpContext context) =>
        Sessions.TokenOf(context.Request) is { Length: > 0 } token ? "s:" + Sessions.HashOf(token) : ClientAddress(context);

    /// <summary>
    /// The token hash of the request's session when it is live (resolved before the limits by
    /// <see cref="Sessions.UseSessionResolution"/>), else null: a made-up or ended token is anonymous.
    /// </summary>
    private static string? KnownSession(HttpContext context) =>
        Sessions.Resolved(context) is { AccId: not null } live ? live.TokenHash : null;

    private static string ClientAddress(HttpContext context) => "a:" + ClientAddresses.KeyOf(context.Connection.RemoteIpAddress);

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
