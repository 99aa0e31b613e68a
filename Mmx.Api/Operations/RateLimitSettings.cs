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
    /// <summary>Every request without a session token, per client address.</summary>
    [Range(1, Most)] public int AnonymousPerAddressPerMinute { get; set; } = 600;
    /// <summary>Well-formed tokens naming no live session, per client address.</summary>
    [Range(1, Most)] public int UnknownTokensPerAddressPerMinute { get; set; } = 60;
}
