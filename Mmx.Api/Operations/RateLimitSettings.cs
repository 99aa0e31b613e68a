using System.ComponentModel.DataAnnotations;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Operations;

/// <summary>The front's request limits a minute (see <see cref="RateLimits"/> and <see cref="Access.UnknownTokens"/>).</summary>
[SettingsSection("Mmx:RateLimits")]
public sealed class RateLimitSettings
{
    private const int Most = 1_000_000;

    /// <summary>login, register, resetpw, bindphone, per client address.</summary>
    [Range(1, Most)] public int SignInPerMinute { get; set; } = 30;
    /// <summary>gencode, vercode, per client address.</summary>
    [Range(1, Most)] public int SmsPerMinute { get; set; } = 10;
    /// <summary>selectphones and provider look-ups, per session.</summary>
    [Range(1, Most)] public int BulkPerMinute { get; set; } = 20;
    /// <summary>/userweb/search and /user/info, per session.</summary>
    [Range(1, Most)] public int LookupPerMinute { get; set; } = 30;
    /// <summary>Those and the bulk routes together, per client address.</summary>
    [Range(1, Most)] public int LookupPerAddressPerMinute { get; set; } = 120;
    /// <summary>Every request without a session this front knows, per client address (an IPv6 /64 is one address).</summary>
    [Range(1, Most)] public int AnonymousPerAddressPerMinute { get; set; } = 600;
    /// <summary>Every request of one signed-in session: what one phone browsing can send, and a stolen token cannot exceed.</summary>
    [Range(1, Most)] public int SessionPerMinute { get; set; } = 300;
    /// <summary>
    /// Signed-in requests of all sessions behind one client address together: an abuse ceiling only,
    /// high enough for the thousands of phones a mobile carrier's NAT puts behind one IPv4 address.
    /// </summary>
    [Range(1, Most)] public int SessionPerAddressPerMinute { get; set; } = 120_000;
    /// <summary>Well-formed tokens naming no live session, per client address.</summary>
    [Range(1, Most)] public int UnknownTokensPerAddressPerMinute { get; set; } = 60;
}
