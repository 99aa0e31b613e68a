using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mmx.Tests.Infrastructure;

/// <summary>A certificate authority of a test's own and a member certificate it signed, valid for a week.</summary>
public sealed class ThrowawayCertificates
{
    public X509Certificate2 Authority { get; }
    public X509Certificate2 Member { get; }
    private readonly ECDsa _memberKey;

    public ThrowawayCertificates(string name = "mmx test")
    {
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authority = new CertificateRequest($"CN={name} CA", authorityKey, HashAlgorithmName.SHA256);
        authority.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authority.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = authority.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));

        _memberKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var member = new CertificateRequest($"CN={name} member", _memberKey, HashAlgorithmName.SHA256);
        member.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        member.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Every process both accepts connections and makes them.
        member.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = member.Create(Authority, now.AddDays(-1), now.AddDays(6), serial);
        Member = issued.CopyWithPrivateKey(_memberKey);
    }

    /// <summary>Writes member.pem, member.key and ca.pem into a folder; answers their paths.</summary>
    public (string Certificate, string Key, string Authority) WritePem(string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = (Path.Combine(folder, "member.pem"), Path.Combine(folder, "member.key"), Path.Combine(folder, "ca.pem"));
        File.WriteAllText(paths.Item1, Member.ExportCertificatePem());
        File.WriteAllText(paths.Item2, _memberKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(paths.Item3, Authority.ExportCertificatePem());
        return paths;
    }
}
