using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mmx.Tests.Hosting;

/// <summary>
/// Operations round three: both hosts read appsettings.json from the working directory, so a binary
/// started elsewhere (the image, compose, Kubernetes, local-cluster.sh) lost the iOS app's wire
/// profile and logged every request at Information. The built Mmx.Api, started from an empty
/// folder, must behave as from its own.
/// </summary>
public sealed class ProgramFolderTests
{
    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
    private static string ApiDll => Path.Combine(ScriptedCluster.RepoRoot, "Mmx.Api", "bin", Configuration, "net10.0", "Mmx.Api.dll");

    [Fact]
    public async Task The_api_started_from_another_folder_keeps_the_ios_wire_profile_and_quiet_request_logs()
    {
        var elsewhere = Directory.CreateTempSubdirectory("mmx-elsewhere-").FullName;
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet", [ApiDll, "--urls", $"http://127.0.0.1:{port}", "--Mmx:AdminKey=" + ApiFactory.AdminKey,
            "--Mmx:Orleans:SiloPort=" + FreePorts.Next(), "--Mmx:Orleans:GatewayPort=" + FreePorts.Next(), "--Mmx:DemoData=false"])
        {
            WorkingDirectory = elsewhere,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test runner's own settings must not leak in: the binary decides.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Logging__") || k.StartsWith("Mmx__") || k.StartsWith("ASPNETCORE_") || k.StartsWith("DOTNET_CONTENTROOT")).ToList())
            start.Environment.Remove(key);
        var lines = new ConcurrentQueue<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            for (var tries = 0; ; tries++)
            {
                try
                {
                    using var live = await http.GetAsync("/health/live");
                    if (live.IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) when (tries < 120) { }
                Assert.False(process.HasExited, "the API exited: " + string.Join('\n', lines));
                await Task.Delay(500);
            }
            Assert.Contains(lines, l => l.Contains(Path.GetDirectoryName(ApiDll)!));

            var client = new ApiClient(http);
            await client.SignUp(AccountTestKit.NewPhone());
            Assert.Equal(0, (int)(await client.Post("/user/feedback", new { feedback = "从别处启动" }))["err"]!);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/user/feedback");
            request.Headers.TryAddWithoutValidation("User-Agent", "ForwardOne/1.0 (iPhone; iOS 9.1; Scale/2.00)");
            request.Headers.Authorization = new("Bearer", client.Token);
            using var legacy = await http.SendAsync(request);
            var time = JsonNode.Parse(await legacy.Content.ReadAsStringAsync())!["feedList"]![0]!["time"]!;
            // The iOS app's profile (a default in code now): the time as text, not Unix seconds.
            Assert.Equal(JsonValueKind.String, time.GetValueKind());
            // No per-request lines of the framework at the default level.
            Assert.DoesNotContain(lines, l => l.Contains("Microsoft.AspNetCore.Hosting.Diagnostics") || l.Contains("Request starting"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
