using System.ComponentModel.DataAnnotations;
using Mmx.Grains.Configuration;

namespace Mmx.Api.Access;

/// <summary>How long a front remembers a session its grain confirmed (see <see cref="SessionCache"/>).</summary>
[SettingsSection("Mmx:Sessions")]
public sealed class SessionSettings
{
    /// <summary>0 turns the cache off.</summary>
    [Range(0, 3600)] public int CacheSeconds { get; set; } = 20;
}
