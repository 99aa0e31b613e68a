using System.Security.Cryptography;
using Mmx.Grains;

namespace Mmx.Api.Hosting;

/// <summary>
/// The key /admin routes require (<c>Mmx:AdminKey</c>). Cluster mode refuses to start without one;
/// the embedded default makes one up and prints it, so a first run needs no configuration.
/// </summary>
public sealed record AdminKey(string Value, bool Generated)
{
    public const int MinLength = 16;

    /// <summary>The configured key (its length checked by <see cref="FrontSettings"/>), or a made-up one in embedded mode.</summary>
    public static AdminKey From(FrontSettings settings, ClusterSettings cluster)
    {
        if (!string.IsNullOrWhiteSpace(settings.AdminKey)) return new AdminKey(settings.AdminKey, Generated: false);
        if (cluster.IsCluster)
        {
            throw new Grains.Configuration.SettingsException("Mmx:AdminKey must be set in cluster mode (environment variable Mmx__AdminKey).");
        }
        return new AdminKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Generated: true);
    }
}
