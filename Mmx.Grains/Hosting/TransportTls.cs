using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Mmx.Grains.Configuration;
using Orleans.Connections.Security;

namespace Mmx.Grains;

/// <summary>
/// Mutual TLS on Orleans' own connections (silo to silo, client to gateway), with
/// Microsoft.Orleans.Connections.Security. Without it, anyone who reaches a silo or gateway port
/// can call any grain. On when <c>Mmx:Tls:Certificate</c> names this process's certificate:
/// a PEM file with <c>Mmx:Tls:Key</c> (its PEM private key), or a PKCS#12 file (.pfx, .p12) with
/// <c>Mmx:Tls:Password</c>. Every silo and API front presents one and demands one: the peer's
/// must chain to <c>Mmx:Tls:Authority</c> (the cluster's own CA, PEM), or, without an authority,
/// be this very certificate (one certificate shared by the whole cluster). Names are not checked:
/// silos reach each other by address, and holding a certificate of the cluster's CA is what makes
/// a process a member. Set it alike on every silo and front; off by default (docs/decisions.md).
/// </summary>
public sealed class TransportTls
{
    /// <summary>The name a connecting process asks for (SNI); not checked, see above.</summary>
    private const string TargetHost = "mmx-silo";

    public X509Certificate2 Certificate { get; }
    public X509Certificate2? Authority { get; }

    public TransportTls(X509Certificate2 certificate, X509Certificate2? authority)
    {
        if (!certificate.HasPrivateKey) throw new SettingsException("Mmx:Tls:Certificate has no private key (set Mmx:Tls:Key for a PEM certificate).");
        Certificate = certificate;
        Authority = authority;
    }

    /// <summary>The configured TLS, or null when <c>Mmx:Tls:Certificate</c> is not set.</summary>
    public static TransportTls? From(Microsoft.Extensions.Configuration.IConfiguration configuration) => From(Settings.Read<TlsSettings>(configuration));

    /// <inheritdoc cref="From(Microsoft.Extensions.Configuration.IConfiguration)"/>
    public static TransportTls? From(TlsSettings settings)
    {
        var path = settings.Certificate;
        if (string.IsNullOrWhiteSpace(path)) return null;
        var certificate = path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, settings.Password)
            : X509Certificate2.CreateFromPemFile(path, settings.Key is { Length: > 0 } key ? key
                : throw new SettingsException("Mmx:Tls:Key is required with a PEM Mmx:Tls:Certificate."));
        var authority = settings.Authority is { Length: > 0 } ca ? X509CertificateLoader.LoadCertificateFromFile(ca) : null;
        return new TransportTls(certificate, authority);
    }

    /// <summary>Present this process's certificate, demand one from every peer, accept only the cluster's.</summary>
    public void Configure(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = IsClusterMember;
        options.OnAuthenticateAsClient = (_, client) => client.TargetHost = TargetHost;
    }

    /// <summary>Whether a peer's certificate makes it a member (the platform's verdict is replaced, not added to: it knows no private CA).</summary>
    public bool IsClusterMember(X509Certificate2 peer, X509Chain? _, SslPolicyErrors __)
    {
        if (Authority is null) return peer.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        // A private CA publishes no revocation list; a compromised certificate is replaced with the CA.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }
}
