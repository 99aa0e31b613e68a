using System.Diagnostics;
using System.Net.Security;
using Mmx.Grains;

namespace Mmx.Tests.Hardening;

/// <summary>
/// Cluster mode does not run its transport in plain TCP by accident (security round three, point
/// 2): before the fix a silo or front without certificates started, and anyone reaching its ports
/// could call any grain. Compose's certificate step makes a set the cluster's TLS accepts.
/// </summary>
public sealed class PlaintextTransportTests
{
    [Theory]
    [InlineData("Mmx.Silo")]
    [InlineData("Mmx.Api")]
    public async Task Cluster_mode_without_certificates_stops_at_start_unless_plaintext_is_allowed(string project)
    {
        var (code, error) = await Run(project, "--ConnectionStrings:Orleans=Host=127.0.0.1;Port=1;Username=x;Database=x", "--Mmx:AdminKey=an-admin-key-of-some-length",
            "--Mmx:PublicWebBaseUrl=http://127.0.0.1:1");
        Assert.Equal(2, code);
        Assert.Contains("Mmx:Tls:AllowPlaintext", error);
        Assert.Contains("cannot start", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task The_certificate_step_makes_a_set_once_that_the_transport_accepts_and_a_stranger_does_not_match()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mmx-certs-{Guid.NewGuid():N}");
        var (code, output) = await Run("Mmx.Silo", "--make-certificates", folder);
        Assert.Equal(0, code);
        var key = Path.Combine(folder, ClusterCertificates.KeyFile);
        var certificate = File.ReadAllText(Path.Combine(folder, ClusterCertificates.CertificateFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));

        // A second run keeps them (a restart of compose must not split the cluster in two CAs).
        Assert.Equal(0, (await Run("Mmx.Silo", "--make-certificates", folder)).Code);
        Assert.Equal(certificate, File.ReadAllText(Path.Combine(folder, ClusterCertificates.CertificateFile)));

        var tls = TransportTls.From(new Mmx.Grains.Configuration.TlsSettings
        {
            Certificate = Path.Combine(folder, ClusterCertificates.CertificateFile),
            Key = key,
            Authority = Path.Combine(folder, ClusterCertificates.AuthorityFile),
        })!;
        Assert.True(tls.IsClusterMember(tls.Certificate, null, SslPolicyErrors.None));
        Assert.False(tls.IsClusterMember(new ThrowawayCertificates("stranger").Member, null, SslPolicyErrors.None));

        // Half a set is not silently replaced.
        File.Delete(key);
        Assert.NotEqual(0, (await Run("Mmx.Silo", "--make-certificates", folder)).Code);
        Assert.Equal(certificate, File.ReadAllText(Path.Combine(folder, ClusterCertificates.CertificateFile)));
        _ = output;
    }

    /// <summary>Runs a built binary of the tests' configuration from another folder; answers its exit code and standard error (and output).</summary>
    private static async Task<(int Code, string Error)> Run(string project, params string[] arguments)
    {
        var binaries = AppContext.BaseDirectory.Replace($"{Path.DirectorySeparatorChar}Mmx.Tests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}{project}{Path.DirectorySeparatorChar}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(binaries, $"{project}.dll"), .. arguments, "--urls=http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{project} was still running after 60 s: {await output}");
        }
        return (process.ExitCode, await error + await output);
    }
}
