using System.Threading.RateLimiting;

namespace Mmx.Api.Access;

/// <summary>
/// How many well-formed tokens that name no live session one client address may offer a minute
/// (<c>Mmx:RateLimits:UnknownTokensPerAddressPerMinute</c>, 60 by default). Each such token
/// costs a session grain call (and, in cluster mode, a storage read), so random tokens are a
/// cheap flood; past the budget, a token this front does not remember is not asked about: a route
/// that needs a session answers HTTP 429 err 7, a public route serves the request as anonymous.
/// Tokens of sessions this front remembers are not affected, so a user behind the same address
/// keeps working; an app whose session expired needs one unknown token to learn it.
/// </summary>
public sealed class UnknownTokens : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public UnknownTokens(Operations.RateLimitSettings settings)
    {
        var perMinute = settings.UnknownTokensPerAddressPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    /// <summary>Whether the address may still have a token it offers looked up.</summary>
    public bool MayAsk(HttpContext context) =>
        _limiter.GetStatistics(AddressOf(context))?.CurrentAvailablePermits is not 0;

    /// <summary>Counts a token that named no live session against the address.</summary>
    public void Refused(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(AddressOf(context));
    }

    private static string AddressOf(HttpContext context) => ClientAddresses.KeyOf(context.Connection.RemoteIpAddress);

    public void Dispose() => _limiter.Dispose();
}
