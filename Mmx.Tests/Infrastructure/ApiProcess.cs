using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// The built Mmx.Api binary as its own process in the embedded default, on a free loopback port
/// with free silo ports, started from a folder of the test's choosing; its console lines are kept.
/// The test runner's own Logging/Mmx/ASP.NET Core variables do not leak in: the binary decides.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
    public static string ApiDll => Path.Combine(ScriptedCluster.RepoRoot, "Mmx.Api", "bin", Configuration, "net10.0", "Mmx.Api.dll");

    private readonly Process _process;

    public int Port { get; } = FreePorts.Next();
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");
    public ConcurrentQueue<string> Lines { get; } = new();

    private ApiProcess(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet", [ApiDll, "--urls", BaseUrl.ToString().TrimEnd('/'),
            "--Mmx:Orleans:SiloPort=" + FreePorts.Next(), "--Mmx:Orleans:GatewayPort=" + FreePorts.Next(), .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Logging__") || k.StartsWith("Mmx__") || k.StartsWith("ASPNETCORE_") || k.StartsWith("DOTNET_CONTENTROOT")).ToList())
            start.Environment.Remove(key);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Lines.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the binary and waits until /health/live answers (at most a minute).</summary>
    public static async Task<ApiProcess> Start(string workingDirectory, params string[] args)
    {
        var api = new ApiProcess(workingDirectory, args);
        using var http = new HttpClient { BaseAddress = api.BaseUrl };
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var live = await http.GetAsync("/health/live");
                if (live.IsSuccessStatusCode) return api;
            }
            catch (HttpRequestException) when (tries < 120) { }
            if (api._process.HasExited) throw new InvalidOperationException("the API exited: " + string.Join('\n', api.Lines));
            await Task.Delay(500);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
