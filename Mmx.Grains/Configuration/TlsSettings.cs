namespace Mmx.Grains.Configuration;

/// <summary>The files of mutual TLS between silos and fronts (see <see cref="TransportTls"/>).</summary>
[SettingsSection("Mmx:Tls")]
public sealed class TlsSettings
{
    /// <summary>This process's certificate: a PEM file (with <see cref="Key"/>) or a .pfx/.p12 (with <see cref="Password"/>); unset: plain TCP.</summary>
    public string? Certificate { get; set; }
    public string? Key { get; set; }
    public string? Password { get; set; }
    /// <summary>The cluster's CA certificate (PEM).</summary>
    public string? Authority { get; set; }
    /// <summary>
    /// Cluster mode without a certificate: refused at start unless this is set on purpose (the
    /// tests, local-cluster.sh and the bench on one machine's loopback). Plain TCP lets anyone who
    /// reaches a silo or gateway port call any grain.
    /// </summary>
    public bool AllowPlaintext { get; set; }
}
