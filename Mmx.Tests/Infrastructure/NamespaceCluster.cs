using System.Diagnostics;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// Cluster mode as separate hosts on a real (virtual) network: PostgreSQL, three silos and the API
/// front each in a network namespace of its own, created here with <c>ip netns</c> (as root),
/// joined by a bridge on a subnet of the test's own (10.213.N.0/24; nothing outside these
/// namespaces is ever addressed). Each host has its own address and the silos advertise theirs. The
/// test process reaches only the API, through a link of its own (10.214.N.0/30), so cutting the
/// API off from the cluster leaves the test able to watch it. Links are cut with
/// <c>ip link set ... down</c> (the kernel here has no netem: no delays, only cuts).
/// </summary>
public sealed class NamespaceCluster : IAsyncLifetime
{
    public const int Silos = 3;
    private const string PgBin = "/usr/lib/postgresql/15/bin";
    private readonly int _net = Random.Shared.Next(1, 250);
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"mmx-netns-{Guid.NewGuid():N}");
    private readonly Dictionary<string, Process> _processes = [];
    private readonly List<string> _namespaces = [];


    private string Prefix => $"mx{_net}";
    public string Namespace(string host) => $"{Prefix}{host}";
    public string Address(string host) => $"10.213.{_net}.{host switch { "pg" => 10, "api" => 20, _ => 11 + int.Parse(host[1..]) }}";
    public Uri Api => new($"http://10.214.{_net}.2:8080");
    public string ConnectionString => $"Host={Address("pg")};Port=5432;Username=postgres;Database=postgres;Timeout=5;Command Timeout=10";
    public string SiloName(int n) => $"s{n}";

    public ApiClient NewClient() => new(new HttpClient { BaseAddress = Api, Timeout = TimeSpan.FromSeconds(10) });

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        await Ip($"link add {Prefix}br type bridge");
        await Ip($"link set {Prefix}br up");
        foreach (var host in new[] { "pg", "api" }.Concat(Enumerable.Range(0, Silos).Select(SiloName)))
        {
            var ns = Namespace(host);
            await Ip($"netns add {ns}");
            _namespaces.Add(ns);
            await Ip($"-n {ns} link set lo up");
            // One end in the host's namespace (its eth0), the other on the bridge.
            await Ip($"link add {Prefix}{host}h type veth peer name eth0 netns {ns}");
            await Ip($"link set {Prefix}{host}h master {Prefix}br up");
            await Ip($"-n {ns} addr add {Address(host)}/24 dev eth0");
            await Ip($"-n {ns} link set eth0 up");
        }
        // The test's own way to the API: a point-to-point link, not the cluster's network.
        await Ip($"link add {Prefix}c type veth peer name client netns {Namespace("api")}");
        await Ip($"addr add 10.214.{_net}.1/30 dev {Prefix}c");
        await Ip($"link set {Prefix}c up");
        await Ip($"-n {Namespace("api")} addr add 10.214.{_net}.2/30 dev client");
        await Ip($"-n {Namespace("api")} link set client up");

        await InitPostgres();
        await StartPostgres();
        var silo = SiloDll;
        await RunToEnd("ip", ["netns", "exec", Namespace("s0"), "dotnet", silo, "--apply-schema"], Settings());
        for (var n = 0; n < Silos; n++) StartSilo(n);
        // --urls: the command line outranks the appsettings.json beside the binary.
        Start("api", ["dotnet", ApiDll, "--urls", $"http://10.214.{_net}.2:8080"], new Dictionary<string, string>(Settings())
        {
            ["Mmx__AdminKey"] = ApiFactory.AdminKey,
            ["Mmx__PublicWebBaseUrl"] = Api.ToString().TrimEnd('/'),
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri(Api, "/health/ready"))).IsSuccessStatusCode) break;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"the API in its namespace did not get ready:\n{Logs()}");
            await Task.Delay(1000);
        }
    }

    /// <summary>The last lines of every host's log, for a failure's message (the folder goes with the fixture).</summary>
    private string Logs() => string.Join("\n", Directory.GetFiles(_data, "*.log").Select(f => $"--- {Path.GetFileName(f)}\n{Tail(f, 15)}"));

    /// <summary>A host's log (what its process wrote), its last lines.</summary>
    public string Log(string host, int lines = 40) => Tail(Path.Combine(_data, $"{host}.log"), lines);

    private static string Tail(string file, int lines)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return string.Join("\n", new StreamReader(stream).ReadToEnd().Split('\n').TakeLast(lines));
    }

    public void StartSilo(int n) => Start(SiloName(n), ["dotnet", SiloDll], new Dictionary<string, string>(Settings())
    {
        ["Mmx__Orleans__AdvertisedIp"] = Address(SiloName(n)),
        ["Mmx__Orleans__SiloPort"] = "11111",
        ["Mmx__Orleans__GatewayPort"] = "30000",
    });

    public bool HasExited(string host) => _processes[host].HasExited;

    /// <summary>Stops silo n if it still runs (SIGKILL) and starts it again.</summary>
    public async Task RestartSilo(int n)
    {
        var process = _processes[SiloName(n)];
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
        StartSilo(n);
    }

    /// <summary>Cuts the host off (its link down: nothing in or out) or heals it.</summary>
    public Task Link(string host, bool up) => Ip($"-n {Namespace(host)} link set eth0 {(up ? "up" : "down")}");

    public Task StopPostgres() => RunToEnd("ip", ["netns", "exec", Namespace("pg"), "runuser", "-u", "postgres", "--", $"{PgBin}/pg_ctl", "-D", PgData, "-m", "fast", "-w", "stop"]);

    public Task StartPostgres() => RunToEnd("ip", ["netns", "exec", Namespace("pg"), "runuser", "-u", "postgres", "--", $"{PgBin}/pg_ctl", "-D", PgData,
        "-l", Path.Combine(_data, "pg.log"), "-w", "-o", $"-p 5432 -k {_data} -c listen_addresses={Address("pg")} -c fsync=off -c max_connections=300", "start"]);

    private string PgData => Path.Combine(_data, "pg");

    /// <summary>
    /// How many of a host's silo generations the membership table holds as dead (Orleans' status
    /// 6), read on the database's own host: what the other silos decided, not what the test saw.
    /// </summary>
    public async Task<int> DeadGenerations(string host)
    {
        var output = await RunToEnd("ip", ["netns", "exec", Namespace("pg"), "runuser", "-u", "postgres", "--", $"{PgBin}/psql", "-h", _data, "-p", "5432",
            "-U", "postgres", "-tAc", $"select count(*) from orleansmembershiptable where address = '{Address(host)}' and status = 6"]);
        return int.Parse(output.Trim());
    }

    private async Task InitPostgres()
    {
        Directory.CreateDirectory(PgData);
        await RunToEnd("chown", ["postgres:postgres", _data, PgData]);
        await RunToEnd("runuser", ["-u", "postgres", "--", $"{PgBin}/initdb", "-D", PgData, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        // Trust connections from the cluster's subnet (initdb's file trusts loopback only).
        await File.AppendAllTextAsync(Path.Combine(PgData, "pg_hba.conf"), $"host all all 10.213.{_net}.0/24 trust\n");
    }

    private Dictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["ConnectionStrings__Orleans"] = ConnectionString,
        ["Mmx__Orleans__ClusterId"] = "netns",
        ["Mmx__Orleans__ServiceId"] = "netns",
        ["Mmx__Sms__Outbox"] = "true",
        ["Mmx__Dashboard__Enabled"] = "false",
        // The cluster's network is this test's own namespaces; the fault tests are about membership, not TLS.
        ["Mmx__Tls__AllowPlaintext"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
        // Each line dated, so a failure's log lines up with the fault's moments the test prints.
        ["Logging__Console__FormatterName"] = "simple", ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        // Every test client calls from one address: one partition of the front's per-address limits.
    }.Concat(RateLimitsOff.Settings("__")).ToDictionary();

    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
    private static string SiloDll => Path.Combine(ScriptedCluster.RepoRoot, "Mmx.Silo", "bin", Configuration, "net10.0", "Mmx.Silo.dll");
    private static string ApiDll => Path.Combine(ScriptedCluster.RepoRoot, "Mmx.Api", "bin", Configuration, "net10.0", "Mmx.Api.dll");

    private void Start(string host, string[] command, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("ip", ["netns", "exec", Namespace(host), .. command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(command[1])!,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(_data, $"{host}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes[host] = process;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes.Values)
        {
            try { if (!process.HasExited) process.Kill(); await process.WaitForExitAsync(); } catch (InvalidOperationException) { }
        }
        try { await StopPostgres(); } catch (InvalidOperationException) { }
        foreach (var ns in _namespaces) await RunToEnd("ip", ["netns", "del", ns], optional: true);
        await RunToEnd("ip", ["link", "del", $"{Prefix}br"], optional: true);
        await RunToEnd("ip", ["link", "del", $"{Prefix}c"], optional: true);
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private Task Ip(string arguments) => RunToEnd("ip", arguments.Split(' '));

    private static async Task<string> RunToEnd(string file, string[] arguments, Dictionary<string, string>? environment = null, bool optional = false)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment ?? []) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !optional)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
        return await output;
    }
}

[CollectionDefinition(Name)]
public sealed class NamespaceClusterCollection : ICollectionFixture<NamespaceCluster>
{
    public const string Name = "network namespaces";
}
