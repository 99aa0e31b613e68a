using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mmx.Tests.Hosting;

/// <summary>
/// README's "A first session" runs as printed: the built Mmx.Api started with the admin key the
/// README gives, then the README's own shell lines (curl and grep) sign a new user up through the
/// SMS outbox, follow a demo shop and read it back. Only the address is the test's (a free port).
/// </summary>
public sealed class ReadmeFirstSessionTests
{
    private const string PrintedBase = "http://127.0.0.1:5000";

    [Fact]
    public async Task The_readmes_first_session_signs_up_through_the_outbox_and_follows_a_demo_shop()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(ScriptedCluster.RepoRoot, "README.md"));
        var section = readme[readme.IndexOf("### A first session", StringComparison.Ordinal)..];
        var blocks = Regex.Matches(section, "```bash\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        var adminKey = Regex.Match(blocks[0], @"--Mmx:AdminKey=(\S+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(adminKey), "the README's run line gives an admin key");

        await using var api = await ProgramProcess.Api(ScriptedCluster.RepoRoot, "--Mmx:AdminKey=" + adminKey);
        var script = blocks[1].Replace(PrintedBase, api.BaseUrl.ToString().TrimEnd('/'));
        Assert.NotEqual(blocks[1], script);
        using var bash = Process.Start(new ProcessStartInfo("bash", ["-eo", "pipefail", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();
        Assert.True(bash.ExitCode == 0, $"the README's lines failed: {errors}\n{output}");

        // Every answer is err 0: the profile of the new account, the follow, and the followed shop.
        Assert.DoesNotMatch(@"""err"":[1-9]", output);
        Assert.Contains(@"""phone"":""13800138000""", output);
        Assert.Matches(@"""shopList"":\[\{""id"":2,", output);
    }
}
