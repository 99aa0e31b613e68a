using System.ComponentModel.DataAnnotations;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Access;

/// <summary>How long a front remembers a session its grain confirmed (see <see cref="SessionCache"/>), and how long-lived connections hold theirs (<see cref="LiveConnections"/>).</summary>
[SettingsSection("Mmx:Sessions")]
public sealed class SessionSettings
{
    /// <summary>0 turns the cache off.</summary>
    [Range(0, 3600)] public int CacheSeconds { get; set; } = 20;
    /// <summary>A long-lived connection (event stream, chat socket) ends after this, and its client reconnects on a fresh check of its session.</summary>
    [Range(1, 60)] public int ConnectionMaxMinutes { get; set; } = 60;
    /// <summary>How often the session of each long-lived connection is asked again (besides the announcement of its end, which is at once).</summary>
    [Range(5, 600)] public int ConnectionCheckSeconds { get; set; } = 60;
}
