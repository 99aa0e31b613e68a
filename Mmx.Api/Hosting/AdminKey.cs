using System.Security.Cryptography;
using Mmx.Grains;

namespace Mmx.Api.Hosting;

/// <summary>
/// The operator key with every role (<c>Mmx:AdminKey</c>; role keys: <see cref="Access.Operators.OperatorSettings"/>).
/// Cluster mode refuses to start without any operator key; the embedded default makes this one up
/// and prints it when no key is set, so a first run needs no configuration.
/// </summary>
public sealed record AdminKey(string Value, bool Generated)
{
    public const int MinLength = 16;

    /// <summary>The configured key (its length checked by <see cref="FrontSettings"/>), or a made-up one in embedded mode.</summary>
    public static AdminKey? From(FrontSettings settings, ClusterSettings cluster, bool hasRoleKeys)
    {
        if (!string.IsNullOrWhiteSpace(settings.AdminKey)) return new AdminKey(settings.AdminKey, Generated: false);
        if (hasRoleKeys) return null;
        if (cluster.IsCluster)
        {
            throw new Grains.Configuration.SettingsException(
                "Cluster mode needs an operator key: Mmx:AdminKey (every role) or role keys in Mmx:Operators:{Catalogue,Accounts,Dashboard}.");
        }
        return new AdminKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Generated: true);
    }
}
