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
}
