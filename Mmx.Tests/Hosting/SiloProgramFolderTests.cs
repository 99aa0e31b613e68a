using System.Text.Json.Nodes;

namespace Mmx.Tests.Hosting;

/// <summary>
/// The built Mmx.Silo started from an empty folder (as the image, compose, Kubernetes and
/// local-cluster.sh start it) reads its defaults from code, not from a file beside the working
/// directory: its content root is its own folder, its console is cluster mode's JSON lines, and the
/// membership lines an operator watches are there at Information while Orleans' chatter is not.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloProgramFolderTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_silo_started_from_another_folder_logs_json_and_its_membership_lines()
    {
        var elsewhere = Directory.CreateTempSubdirectory("mmx-silo-elsewhere-").FullName;
        var clusterId = $"folder-{Guid.NewGuid():N}";
        var silo = ProgramProcess.Silo(elsewhere, new Dictionary<string, string>
        {
            ["ConnectionStrings__Orleans"] = postgres.ConnectionString,
            ["Mmx__Orleans__ClusterId"] = clusterId,
            ["Mmx__Orleans__ServiceId"] = clusterId,
            ["Mmx__Orleans__SiloPort"] = FreePorts.Next().ToString(),
            ["Mmx__Orleans__GatewayPort"] = FreePorts.Next().ToString(),
            ["Mmx__Tls__AllowPlaintext"] = "true",
            ["Mmx__Sms__Outbox"] = "true",
        });
        try
        {
            List<JsonObject> Json() => ConsoleJson.Objects(silo.Lines);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            // The host says its content root once every hosted service, the silo included, has started.
            while (!Json().Any(l => ((string?)l["Message"])?.StartsWith("Content root path:", StringComparison.Ordinal) == true))
            {
                Assert.False(silo.HasExited, "the silo exited: " + string.Join('\n', silo.Lines));
                Assert.True(DateTime.UtcNow < deadline, "the silo did not start within a minute: " + string.Join('\n', silo.Lines));
                await Task.Delay(250);
            }
            var lines = Json();
            Assert.Contains(lines, l => ((string?)l["Category"])?.StartsWith("Orleans.Runtime.MembershipService", StringComparison.Ordinal) == true
                && (string?)l["LogLevel"] == "Information");
            // The content root is the binary's folder, not the empty one it was started from.
            var root = lines.Select(l => (string?)l["Message"]).First(m => m?.StartsWith("Content root path:", StringComparison.Ordinal) == true)!;
            Assert.Contains(Path.GetDirectoryName(ProgramProcess.Dll("Mmx.Silo"))!, root);
            Assert.DoesNotContain(elsewhere, root);
            // Orleans' own categories below Warning stay quiet but for the silo's lifecycle and membership.
            Assert.DoesNotContain(lines, l => (string?)l["LogLevel"] is "Information" or "Debug"
                && ((string?)l["Category"])?.StartsWith("Orleans.", StringComparison.Ordinal) == true
                && !((string)l["Category"]!).StartsWith("Orleans.Runtime.MembershipService", StringComparison.Ordinal)
                && !((string)l["Category"]!).StartsWith("Orleans.Runtime.Silo", StringComparison.Ordinal));
        }
        finally
        {
            await silo.DisposeAsync();
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
