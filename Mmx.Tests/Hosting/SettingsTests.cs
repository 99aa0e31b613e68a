using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Mmx.Api.Hosting;
using Mmx.Api.Images;
using Mmx.Api.Providers;
using Mmx.Grains.Configuration;

namespace Mmx.Tests.Hosting;

/// <summary>
/// Every <c>Mmx:*</c> key is a property of a settings class, read and checked at start, and the
/// README's configuration table lists exactly those keys.
/// </summary>
public sealed class SettingsTests
{
    private static Type[] Classes => Settings.ClassesIn(typeof(FrontSettings).Assembly, typeof(Settings).Assembly);

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void The_readme_configuration_table_lists_every_setting_and_no_other()
    {
        var documented = ReadmeKeys().Where(k => k.StartsWith("Mmx:", StringComparison.Ordinal)).ToHashSet();
        var settings = Classes.SelectMany(Settings.KeysOf).ToHashSet();
        var undocumented = settings.Except(documented).Order().ToList();
        var unread = documented.Except(settings).Order().ToList();
        Assert.True(undocumented.Count == 0, "settings the README's table does not name: " + string.Join(", ", undocumented));
        Assert.True(unread.Count == 0, "keys the README's table names that no settings class reads: " + string.Join(", ", unread));
    }

    /// <summary>
    /// The first cell of each row of README's "Configuration" table: backticked keys, where
    /// <c>{A,B}</c> stands for each of A and B, and a bare name for a sibling of the key before it
    /// (<c>`Mmx:RateLimits:SignInPerMinute`, `SmsPerMinute`</c>).
    /// </summary>
    private static IEnumerable<string> ReadmeKeys()
    {
        var readme = File.ReadAllText(Path.Combine(ScriptedCluster.RepoRoot, "README.md"));
        var table = Regex.Match(readme, @"## Configuration\n(.*?)\n## ", RegexOptions.Singleline).Groups[1].Value;
        foreach (var line in table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            string? previous = null;
            foreach (Match token in Regex.Matches(line.Split('|')[1], "`([^`]+)`"))
            {
                var key = token.Groups[1].Value;
                if (!key.Contains(':') && previous is not null) key = previous[..(previous.LastIndexOf(':') + 1)] + key;
                foreach (var expanded in Expand(key)) yield return expanded;
                previous = key;
            }
        }
    }

    private static IEnumerable<string> Expand(string key)
    {
        var braces = Regex.Match(key, @"\{([^}]+)\}");
        return braces.Success
            ? braces.Groups[1].Value.Split(',').SelectMany(choice => Expand(key[..braces.Index] + choice.Trim() + key[(braces.Index + braces.Length)..]))
            : [key];
    }

    [Fact]
    public void A_value_that_does_not_convert_or_breaks_a_rule_names_its_key()
    {
        var notNumber = Assert.Throws<SettingsException>(() => Settings.Read<ImageSettings>(Config(("Mmx:Images:TimeoutSeconds", "soon"))));
        Assert.Contains("Mmx:Images:TimeoutSeconds", notNumber.Message);
        var outOfRange = Assert.Throws<SettingsException>(() => Settings.Read<ImageSettings>(Config(("Mmx:Images:UserBytesPerDay", "0"))));
        Assert.Contains("Mmx:Images:UserBytesPerDay", outOfRange.Message);
        var nested = Assert.Throws<SettingsException>(() => Settings.Read<ThirdPartySettings>(Config(("Mmx:ThirdParty:QQ:Verify", "maybe"))));
        Assert.Contains("Mmx:ThirdParty:QQ:Verify", nested.Message);
        // Security round three, point 11: token checks without the app's id took a token granted to any app.
        foreach (var provider in new[] { "QQ", "WeChat", "Weibo", "Alipay" })
        {
            var noApp = Assert.Throws<SettingsException>(() => Settings.Read<ThirdPartySettings>(Config(($"Mmx:ThirdParty:{provider}:Verify", "true"))));
            Assert.Contains($"Mmx:ThirdParty:{provider}:AppId", noApp.Message);
        }
        var shortKey = Assert.Throws<SettingsException>(() => Settings.Read<FrontSettings>(Config(("Mmx:AdminKey", "short"))));
        Assert.Contains("Mmx:AdminKey", shortKey.Message);
    }

    [Fact]
    public void A_misspelt_key_or_section_is_refused_rather_than_ignored()
    {
        var key = Assert.Throws<SettingsException>(() => Settings.Read<ThirdPartySettings>(Config(("Mmx:ThirdParty:Weibo:AppSecert", "x"))));
        Assert.Contains("Mmx:ThirdParty:Weibo:AppSecert", key.Message);
        var stray = Assert.Throws<SettingsException>(() => Settings.Read<FrontSettings>(Config(("Mmx:AdminKye", "0123456789abcdef"))));
        Assert.Contains("Mmx:AdminKye", stray.Message);
        var section = Assert.Throws<SettingsException>(() => Settings.RefuseUnknownSections(Config(("Mmx:RateLimit:SignInPerMinute", "5")), Classes));
        Assert.Contains("Mmx:RateLimit", section.Message);
        Settings.RefuseUnknownSections(Config(("Mmx:RateLimits:SignInPerMinute", "5"), ("Mmx:AdminKey", "0123456789abcdef")), Classes);
    }

    [Fact]
    public void Lists_take_an_array_or_one_comma_separated_value_and_defaults_hold_when_unset()
    {
        var fromArray = Settings.Read<ForwardedHeadersSettings>(Config(("Mmx:ForwardedHeaders:KnownProxies:0", "10.0.0.1"), ("Mmx:ForwardedHeaders:KnownProxies:1", "10.0.0.2")));
        var fromText = Settings.Read<ForwardedHeadersSettings>(Config(("Mmx:ForwardedHeaders:KnownProxies", "10.0.0.1, 10.0.0.2")));
        Assert.Equal(["10.0.0.1", "10.0.0.2"], fromArray.KnownProxies);
        Assert.Equal(fromArray.KnownProxies, fromText.KnownProxies);
        Assert.Throws<SettingsException>(() => Settings.Read<ForwardedHeadersSettings>(Config(("Mmx:ForwardedHeaders:KnownNetworks", "10.0.0.0/99"))));

        var defaults = Settings.Read<ThirdPartySettings>(Config());
        Assert.Equal("https://graph.qq.com", defaults.QQ.BaseUrl);
        Assert.Equal(5, defaults.TimeoutSeconds);
        Assert.Equal(20, Settings.Read<Mmx.Api.Access.SessionSettings>(Config()).CacheSeconds);
    }

    [Theory]
    [InlineData("Mmx.Api", "--Mmx:Sessions:CacheSeconds=abc", "Mmx:Sessions:CacheSeconds")]
    [InlineData("Mmx.Api", "--Mmx:RateLimits:SignInPerMinut=5", "Mmx:RateLimits:SignInPerMinut")]
    [InlineData("Mmx.Api", "--Mmx:Orleans:SiloPort=70000", "Mmx:Orleans:SiloPort")]
    [InlineData("Mmx.Silo", "--Mmx:Orleans:AdvertisedIp=nowhere", "Mmx:Orleans:AdvertisedIp")]
    [InlineData("Mmx.Silo", "--Mmx:Metrics:Port=-1", "Mmx:Metrics:Port")]
    public async Task A_bad_value_stops_the_process_at_start_with_a_clear_message(string project, string argument, string key)
    {
        // The binaries of the configuration these tests were built in, next to this one's.
        var binaries = AppContext.BaseDirectory.Replace($"{Path.DirectorySeparatorChar}Mmx.Tests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}{project}{Path.DirectorySeparatorChar}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(binaries, $"{project}.dll"), argument, "--urls=http://127.0.0.1:0",
            "--ConnectionStrings:Orleans=" + (project == "Mmx.Silo" ? "Host=127.0.0.1;Port=1;Username=x;Database=x" : "")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(2, process.ExitCode);
        var message = await error;
        Assert.Contains(key, message);
        Assert.Contains("cannot start", message);
        Assert.DoesNotContain("   at ", message); // a message, not a stack trace
    }
}
