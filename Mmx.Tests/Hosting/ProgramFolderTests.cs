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
    [Fact]
    public async Task The_api_started_from_another_folder_keeps_the_ios_wire_profile_and_quiet_request_logs()
    {
        var elsewhere = Directory.CreateTempSubdirectory("mmx-elsewhere-").FullName;
        var api = await ProgramProcess.Api(elsewhere, "--Mmx:AdminKey=" + ApiFactory.AdminKey, "--Mmx:DemoData=false");
        var lines = api.Lines;
        using var http = new HttpClient { BaseAddress = api.BaseUrl };
        try
        {
            Assert.Contains(lines, l => l.Contains(Path.GetDirectoryName(ProgramProcess.ApiDll)!));

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
            await api.DisposeAsync();
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
