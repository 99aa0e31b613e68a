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

    public static AdminKey From(IConfiguration configuration, ClusterSettings cluster)
    {
        var configured = configuration["Mmx:AdminKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Length >= MinLength
                ? new AdminKey(configured, Generated: false)
                : throw new InvalidOperationException($"Mmx:AdminKey must be at least {MinLength} characters.");
        }
        if (cluster.IsCluster)
        {
            throw new InvalidOperationException("Mmx:AdminKey must be set in cluster mode (environment variable Mmx__AdminKey).");
        }
        return new AdminKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Generated: true);
    }
}
