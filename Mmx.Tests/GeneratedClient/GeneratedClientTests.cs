using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mmx.Tests.GeneratedClient;

/// <summary>
/// A client generated from the API's own /openapi/v1.json at test time (Kiota, the repository's
/// dotnet tool) compiles, and the flows a client developer would write against it
/// (<c>Flows/ClientFlows.cs</c>) run sign-up, login, browse by distance, shop info, follow,
/// favourite and friends against the embedded API. What the flows did is then checked with the
/// tests' own client, so a generated call that silently did nothing fails too.
/// </summary>
public sealed class GeneratedClientTests(GeneratedClientTests.Api api) : IClassFixture<GeneratedClientTests.Api>
{
    public sealed class Api : ApiFactory;

    [Fact]
    public async Task A_client_generated_from_the_document_runs_the_app_s_main_flows()
    {
        var work = Directory.CreateTempSubdirectory("mmx-kiota-");
        try
        {
            var document = Path.Combine(work.FullName, "openapi.v1.json");
            await File.WriteAllTextAsync(document, await api.CreateClient().GetStringAsync("/openapi/v1.json"));
            var output = Path.Combine(work.FullName, "client");
            await Kiota(document, output);

            var sources = Directory.EnumerateFiles(output, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText)
                .Append(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "GeneratedClient", "Flows", "ClientFlows.cs")));
            var assembly = Compile(sources);

            var (phoneA, phoneB) = (AccountTestKit.NewPhone(), AccountTestKit.NewPhone());
            var run = assembly.GetType("Mmx.ClientFlows.Flows")!.GetMethod("Run")!;
            Func<HttpClient> newHttp = () => api.CreateClient();
            var log = await (Task<string>)run.Invoke(null, [newHttp, ApiFactory.AdminKey, phoneA, phoneB])!;
            Assert.Contains("friends:", log);

            // What the generated calls did, read back with the tests' own client.
            var a = api.NewClient();
            Assert.Equal(0, (int)(await a.LogIn(phoneA, "generated-client-1"))["err"]!);
            var b = api.NewClient();
            var bId = (long)(await b.LogIn(phoneB, "generated-client-1"))["accID"]!;
            var friends = await a.Get($"/user/friend?uid={bId}");
            Assert.Contains(friends["frdList"]!.AsArray(), f => (long)f!["frdID"]! == bId);
            var fans = await a.Post("/user/fans/diff", new { shopIDs = Array.Empty<long>() });
            Assert.Single(fans["addShopIDs"]!.AsArray());
            var saved = await a.Post("/user/favorite/diff", new { goodsIDs = Array.Empty<long>() });
            Assert.Single(saved["addGoodsIDs"]!.AsArray());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>kiota generate, as the repository's tool manifest pins it (scripts/ensure-test-tools.sh restores it).</summary>
    private static async Task Kiota(string document, string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ScriptedCluster.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "kiota", "generate", "--language", "CSharp", "--openapi", document, "--output", output,
                     "--namespace-name", "Mmx.Generated", "--class-name", "MmxApiClient", "--exclude-backward-compatible",
                     "--clean-output", "--log-level", "Error" })
        {
            start.ArgumentList.Add(argument);
        }
        // Offline: no update check, no tutorial hints; the document is a local file.
        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kiota generate failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
    }

    /// <summary>The generated client and the flows, compiled in memory against the Kiota libraries this test project references.</summary>
    private static Assembly Compile(IEnumerable<string> sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["NET", "NETCOREAPP", "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER", "NET8_0_OR_GREATER"]);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, options)).ToList();
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var kiota = new[]
        {
            typeof(Microsoft.Kiota.Abstractions.IRequestAdapter), typeof(Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter),
            typeof(Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory), typeof(Microsoft.Kiota.Serialization.Text.TextParseNodeFactory),
            typeof(Microsoft.Kiota.Serialization.Form.FormParseNodeFactory), typeof(Microsoft.Kiota.Serialization.Multipart.MultipartSerializationWriterFactory),
        }.Select(t => t.Assembly.Location);
        var references = framework.Concat(kiota).Distinct().Where(File.Exists).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Mmx.GeneratedClient", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).Select(d => d.ToString()).ToList();
        Assert.True(emitted.Success, "the generated client does not compile:\n" + string.Join("\n", errors));
        image.Position = 0;
        return new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
    }
}
