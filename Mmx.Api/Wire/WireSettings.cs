using Mmx.Grains.Configuration;

namespace Mmx.Api.Wire;

/// <summary>Which clients get the original backend's types (see <see cref="WireProfile"/>).</summary>
[SettingsSection("Mmx:Wire")]
public sealed class WireSettings
{
    /// <summary>User-Agent prefixes (appsettings.json: the iOS app's <c>ForwardOne/</c>).</summary>
    public string[] LegacyUserAgents { get; set; } = [];
    /// <summary>Browser origins (the shipped web client).</summary>
    public string[] LegacyOrigins { get; set; } = [];
}
