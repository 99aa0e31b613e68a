using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// A built MMX binary (Mmx.Api or Mmx.Silo) as its own process, started from a folder of the
/// test's choosing; its console lines are kept. The test runner's own Logging/Mmx/ASP.NET Core
/// variables do not leak in: the binary and the test's settings decide.
/// </summary>
public sealed class ProgramProcess : IAsyncDisposable
{
    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
    public static string Dll(string program) => Path.Combine(ScriptedCluster.RepoRoot, program, "bin", Configuration, "net10.0", program + ".dll");
    public static string ApiDll => Dll("Mmx.Api");

    private readonly Process _process;

    /// <summary>The API's HTTP port (0 for a silo).</summary>
    public int Port { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");
    public ConcurrentQueue<string> Lines { get; } = new();
    public bool HasExited => _process.HasExited;

    private ProgramProcess(string program, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, int port)
    {
        Port = port;
        var start = new ProcessStartInfo("dotnet", [Dll(program), .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Logging__") || k.StartsWith("Mmx__") || k.StartsWith("ASPNETCORE_")
            || k.StartsWith("DOTNET_CONTENTROOT") || k.StartsWith("ConnectionStrings__")).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The API in the embedded default on a free loopback port (free silo ports), once /health/live answers (at most a minute).</summary>
    public static async Task<ProgramProcess> Api(string workingDirectory, params string[] args)
    {
        var port = FreePorts.Next();
        var api = new ProgramProcess("Mmx.Api", workingDirectory, ["--urls", $"http://127.0.0.1:{port}",
            "--Mmx:Orleans:SiloPort=" + FreePorts.Next(), "--Mmx:Orleans:GatewayPort=" + FreePorts.Next(), .. args], null, port);
        using var http = new HttpClient { BaseAddress = api.BaseUrl };
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var live = await http.GetAsync("/health/live");
                if (live.IsSuccessStatusCode) return api;
            }
            catch (HttpRequestException) when (tries < 120) { }
            if (api.HasExited) throw new InvalidOperationException("the API exited: " + string.Join('\n', api.Lines));
            await Task.Delay(500);
        }
    }

    /// <summary>A silo with these settings (as environment variables); the caller waits for what it needs to see.</summary>
    public static ProgramProcess Silo(string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        new("Mmx.Silo", workingDirectory, [], environment, port: 0);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
