using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mmx.Grains.Accounts;
using Orleans.Runtime;

namespace Mmx.Tests.Operations;

/// <summary>
/// The scripted cluster runs with mutual TLS on (Mmx:Tls:*, a CA of the run's own): its silo and
/// gateway ports talk only to a process holding a certificate of that CA. Silo 0 is the one the
/// other cluster tests never kill or stop.
/// </summary>
[Collection(ScriptedClusterCollection.Name)]
public sealed class TransportTlsTests(ScriptedCluster cluster)
{
    private int[] Ports => [cluster.SiloPort(0), cluster.GatewayPort(0)];

    [Fact]
    public async Task A_cluster_member_completes_the_handshake_on_the_silo_and_gateway_ports()
    {
        foreach (var port in Ports)
        {
            await using var tls = await Handshake(port, cluster.Certificates.Member);
            Assert.True(tls.IsMutuallyAuthenticated, $"port {port}");
            Assert.Equal(cluster.Certificates.Member.Thumbprint, tls.LocalCertificate?.GetCertHashString());
        }
    }

    [Fact]
    public async Task A_caller_without_a_certificate_is_refused_on_the_silo_and_gateway_ports()
    {
        foreach (var port in Ports) await AssertRefused(port, certificate: null);
    }

    [Fact]
    public async Task A_certificate_of_another_authority_is_refused_on_the_silo_and_gateway_ports()
    {
        var stranger = new ThrowawayCertificates("stranger").Member;
        foreach (var port in Ports) await AssertRefused(port, stranger);
    }

    [Fact]
    public async Task An_orleans_client_without_tls_cannot_call_a_grain()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.UseOrleansClient(client => client.AddMmxClient(new ClusterSettings { ConnectionString = cluster.ConnectionString, Dashboard = false }));
        using var host = builder.Build();
        var refused = await Record.ExceptionAsync(async () =>
        {
            // A plaintext client reaches TLS-less silos in a second or two; refused, it retries until this runs out.
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
            var grains = host.Services.GetRequiredService<IClusterClient>();
            await grains.GetGrain<IUserGrain>(1).Exists().WaitAsync(TimeSpan.FromSeconds(10));
        });
        Assert.NotNull(refused);
        try { await host.StopAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* it never connected */ }
    }

    [Fact]
    public async Task The_cluster_with_tls_on_serves_the_api_and_its_own_client()
    {
        // The front and the test's client are Orleans clients over mutual TLS: both reach the silos.
        await cluster.Client.GetGrain<IUserGrain>(1).Exists();
        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.NotEmpty(hosts);
        using var http = new HttpClient { BaseAddress = cluster.Api };
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public void A_pem_certificate_without_its_key_stops_the_process_with_a_clear_message()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"mmx-tls-{Guid.NewGuid():N}");
        var (certificate, _, _) = new ThrowawayCertificates().WritePem(folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mmx:Tls:Certificate"] = certificate }).Build();
        var error = Assert.Throws<Mmx.Grains.Configuration.SettingsException>(() => TransportTls.From(configuration));
        Assert.Contains("Mmx:Tls:Key", error.Message);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Without_a_certificate_tls_stays_off()
    {
        Assert.Null(TransportTls.From(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public void A_shared_certificate_without_an_authority_admits_only_itself()
    {
        var own = new ThrowawayCertificates();
        var tls = new TransportTls(own.Member, authority: null);
        Assert.True(tls.IsClusterMember(own.Member, null, SslPolicyErrors.None));
        Assert.False(tls.IsClusterMember(new ThrowawayCertificates().Member, null, SslPolicyErrors.None));
        var withAuthority = new TransportTls(own.Member, own.Authority);
        Assert.False(withAuthority.IsClusterMember(new ThrowawayCertificates().Member, null, SslPolicyErrors.None));
    }

    /// <summary>
    /// TLS 1.2, so that a refused client certificate fails the handshake itself (in TLS 1.3 the
    /// server's verdict arrives after the client's handshake has completed).
    /// </summary>
    private static async Task<SslStream> Handshake(int port, X509Certificate2? certificate)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "mmx-silo",
            EnabledSslProtocols = SslProtocols.Tls12,
            ClientCertificates = certificate is null ? null : [certificate],
            LocalCertificateSelectionCallback = certificate is null ? null : (_, _, _, _, _) => certificate,
            // The test checks the server side; the silo's certificate is the member one anyway.
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        }, timeout.Token);
        return tls;
    }

    private static async Task AssertRefused(int port, X509Certificate2? certificate)
    {
        var refused = await Record.ExceptionAsync(async () =>
        {
            await using var tls = await Handshake(port, certificate);
            // Should a handshake complete, the server still must not talk: a read ends or fails.
            var buffer = new byte[1];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var read = await tls.ReadAsync(buffer, timeout.Token);
            if (read == 0) throw new IOException("closed by the server");
        });
        Assert.True(refused is AuthenticationException or IOException, $"port {port}: {refused?.GetType().Name ?? "no refusal"}");
    }
}
