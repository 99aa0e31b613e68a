using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mmx.Grains;

/// <summary>
/// A certificate authority of the cluster's own and one member certificate it signed, for
/// <see cref="TransportTls"/> where no PKI gives them (docker-compose.yml: the one-shot
/// <c>Mmx.Silo --make-certificates /certs</c> step; Kubernetes uses cert-manager instead). The
/// authority's private key is never written: once the member certificate is issued nothing else
/// can be, so a stolen volume copy of ca.pem admits nobody. Replace all three files to rotate.
/// </summary>
public sealed class ClusterCertificates
{
    public const string CertificateFile = "member.pem", KeyFile = "member.key", AuthorityFile = "ca.pem";

    public X509Certificate2 Authority { get; }
    /// <summary>With its private key.</summary>
    public X509Certificate2 Member { get; }
    private readonly ECDsa _memberKey;

    public ClusterCertificates(string name, TimeSpan validity)
    {
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authority = new CertificateRequest($"CN={name} CA", authorityKey, HashAlgorithmName.SHA256);
        authority.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authority.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = authority.CreateSelfSigned(now.AddDays(-1), now + validity);

        _memberKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var member = new CertificateRequest($"CN={name} member", _memberKey, HashAlgorithmName.SHA256);
        member.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        member.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Every process both accepts connections and makes them.
        member.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var issued = member.Create(Authority, now.AddDays(-1), now + validity - TimeSpan.FromDays(1), RandomNumberGenerator.GetBytes(12));
        Member = issued.CopyWithPrivateKey(_memberKey);
    }

    /// <summary>Writes member.pem, member.key (readable by its owner only) and ca.pem into a folder; answers their paths.</summary>
    public (string Certificate, string Key, string Authority) WritePem(string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = (Path.Combine(folder, CertificateFile), Path.Combine(folder, KeyFile), Path.Combine(folder, AuthorityFile));
        File.WriteAllText(paths.Item1, Member.ExportCertificatePem());
        File.WriteAllText(paths.Item2, _memberKey.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(paths.Item2, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(paths.Item3, Authority.ExportCertificatePem());
        return paths;
    }

    /// <summary>
    /// The cluster's certificates in <paramref name="folder"/>: made (valid 2 years) when none are
    /// there, kept when all three are; a partial set is an error rather than silently replaced.
    /// Answers whether it made them.
    /// </summary>
    public static bool EnsureIn(string folder)
    {
        var files = new[] { CertificateFile, KeyFile, AuthorityFile }.Select(f => Path.Combine(folder, f)).ToArray();
        var present = files.Count(File.Exists);
        if (present == files.Length) return false;
        if (present > 0) throw new Configuration.SettingsException($"{folder} holds only some of {string.Join(", ", files.Select(Path.GetFileName))}: remove them all to make a new set, or supply the missing ones.");
        new ClusterCertificates("mmx cluster", TimeSpan.FromDays(730)).WritePem(folder);
        return true;
    }
}
