using Mmx.Grains.Configuration;

namespace Mmx.Api.Wire;

/// <summary>Which clients get the original backend's types (see <see cref="WireProfile"/>).</summary>
[SettingsSection("Mmx:Wire")]
public sealed class WireSettings
{
    /// <summary>User-Agent prefixes; by default the shipped iOS app's <c>ForwardOne/</c> (an empty value turns it off).</summary>
    public string[] LegacyUserAgents { get; set; } = ["ForwardOne/"];
    /// <summary>Browser origins (the shipped web client).</summary>
    public string[] LegacyOrigins { get; set; } = [];
}
