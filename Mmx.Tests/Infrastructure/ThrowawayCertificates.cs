using System.Security.Cryptography.X509Certificates;

namespace Mmx.Tests.Infrastructure;

/// <summary>A certificate authority of a test's own and a member certificate it signed, valid for a week (the cluster's own generator).</summary>
public sealed class ThrowawayCertificates(string name = "mmx test")
{
    private readonly Mmx.Grains.ClusterCertificates _set = new(name, TimeSpan.FromDays(7));

    public X509Certificate2 Authority => _set.Authority;
    public X509Certificate2 Member => _set.Member;

    /// <summary>Writes member.pem, member.key and ca.pem into a folder; answers their paths.</summary>
    public (string Certificate, string Key, string Authority) WritePem(string folder) => _set.WritePem(folder);
}
