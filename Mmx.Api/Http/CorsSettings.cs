using Mmx.Grains.Configuration;

namespace Mmx.Api.Http;

/// <summary>The origins browsers may call the API from, with credentials (see <see cref="CrossOrigin"/>).</summary>
[SettingsSection("Mmx:Cors")]
public sealed class CorsSettings
{
    public string[] Origins { get; set; } = [];
}
