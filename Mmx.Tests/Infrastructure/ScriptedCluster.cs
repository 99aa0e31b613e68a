using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// Cluster mode as an operator runs it: scripts/local-cluster.sh starts PostgreSQL, three Mmx.Silo
/// processes and the Mmx.Api process on free loopback ports, in a folder of its own.
/// </summary>
public sealed class ScriptedCluster : IAsyncLifetime
{
    public const int InitialSilos = 3;
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"mmx-cluster-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _environment = [];
    private IHost? _clientHost;

    public int ApiPort { get; } = FreePorts.Next();
    public int PgPort { get; } = FreePorts.Next();
    public int SiloPortBase { get; } = 20000 + Random.Shared.Next(0, 2000) * 10;
    public int GatewayPortBase => SiloPortBase + 5;
    public int MetricsPortBase { get; } = 40000 + Random.Shared.Next(0, 2000) * 10;
    public string ConnectionString => $"Host=127.0.0.1;Port={PgPort};Username=postgres;Database=postgres";
    public Uri Api => new($"http://127.0.0.1:{ApiPort}");
    /// <summary>Where local-cluster.sh writes each process's console (api.log, silo{n}.log).</summary>
    public string LogsFolder => Path.Combine(_data, "logs");
    /// <summary>The cluster's certificate authority and the member certificate every process presents.</summary>
    public ThrowawayCertificates Certificates { get; } = new("mmx cluster");
    public int GatewayPort(int n) => GatewayPortBase + n;
    public IClusterClient Client => _clientHost!.Services.GetRequiredService<IClusterClient>();

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mmx.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Mmx.sln not found above the test binaries.");
        }
    }

    public async Task InitializeAsync()
    {
        _environment["MMX_DATA"] = _data;
        _environment["PG_PORT"] = PgPort.ToString();
        _environment["API_PORT"] = ApiPort.ToString();
        _environment["SILOS"] = InitialSilos.ToString();
        _environment["SILO_PORT_BASE"] = SiloPortBase.ToString();
        _environment["GATEWAY_PORT_BASE"] = GatewayPortBase.ToString();
        _environment["METRICS_PORT_BASE"] = MetricsPortBase.ToString();
        // The tests' own build has the binaries: the configuration is the one these tests run in.
        _environment["MMX_CONFIGURATION"] = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        _environment["MMX_SKIP_BUILD"] = "1";
        _environment["Mmx__AdminKey"] = ApiFactory.AdminKey;
        // Every test client calls from 127.0.0.1: one partition of the front's per-address limits.
        foreach (var (name, value) in RateLimitsOff.Settings("__")) _environment[name] = value;
        // Silos and the front talk mutual TLS with a certificate authority of this run's own.
        var (certificate, key, authority) = Certificates.WritePem(Path.Combine(_data, "tls"));
        _environment["Mmx__Tls__Certificate"] = certificate;
        _environment["Mmx__Tls__Key"] = key;
        _environment["Mmx__Tls__Authority"] = authority;
        await Script("start");

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.AddMmxClient(new ClusterSettings
        {
            ConnectionString = ConnectionString,
            Tls = new TransportTls(Certificates.Member, Certificates.Authority),
        }));
        _clientHost = builder.Build();
        await _clientHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_clientHost is not null)
        {
            await _clientHost.StopAsync();
            _clientHost.Dispose();
        }
        await Script("stop");
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public Task AddSilo() => Script("add-silo");

    /// <summary>SIGKILL: no goodbye to the cluster, as when a machine dies.</summary>
    public void KillSilo(int n)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(_data, $"silo{n}.pid")).Trim());
        Process.GetProcessById(pid).Kill();
    }

    /// <summary>SIGTERM: the silo is told to stop, as by an operator or an orchestrator.</summary>
    public async Task StopSilo(int n)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(_data, $"silo{n}.pid")).Trim());
        using var kill = Process.Start("kill", ["-TERM", pid.ToString()])!;
        await kill.WaitForExitAsync();
    }

    public int SiloPort(int n) => SiloPortBase + n;

    private async Task Script(string command)
    {
        var start = new ProcessStartInfo("bash", $"scripts/local-cluster.sh {command}")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var logs = Directory.Exists(Path.Combine(_data, "logs"))
                ? string.Join("\n", Directory.GetFiles(Path.Combine(_data, "logs")).Select(f => $"--- {f}\n{Tail(f)}"))
                : "";
            throw new InvalidOperationException($"local-cluster.sh {command} failed: {await output} {await error}\n{logs}");
        }
    }

    private static string Tail(string file) => string.Join("\n", File.ReadLines(file).TakeLast(30));
}

[CollectionDefinition(Name)]
public sealed class ScriptedClusterCollection : ICollectionFixture<ScriptedCluster>
{
    public const string Name = "scripted cluster";
}
