using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Mmx.Grains;

/// <summary>
/// What a program reads wherever it is started from: its content root (where appsettings.json is
/// looked for) is its own folder, not the working directory (the image, compose, Kubernetes and
/// local-cluster.sh start the binaries elsewhere, and the file was silently skipped), and the
/// defaults an operator relies on are in code, below every configuration source, so the file (and
/// the environment, and the command line) only override them.
/// </summary>
public static class ProgramDefaults
{
    /// <summary>
    /// The program's own folder when <paramref name="program"/> is the process's entry assembly and
    /// no content root was asked for (<c>--contentRoot</c>, <c>DOTNET_CONTENTROOT</c>,
    /// <c>ASPNETCORE_CONTENTROOT</c>); else null, the host's usual choice (a test host sets its own).
    /// </summary>
    public static string? ContentRoot(string program, string[] args)
    {
        if (Assembly.GetEntryAssembly()?.GetName().Name != program) return null;
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))) return null;
        if (Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }) return null;
        return AppContext.BaseDirectory;
    }

    /// <summary>Log levels both programs use unless configured: the framework's per-request lines and Orleans' chatter at Warning.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Logging = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Extensions.Http"] = "Warning",
        ["Logging:LogLevel:System.Net.Http"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
    };

    /// <summary>
    /// Cluster mode's console (the image, compose, Kubernetes, local-cluster.sh: read by a log
    /// collector, not a person): one JSON object a line with a UTC timestamp, level, category and
    /// the scopes, among them the trace and span ids of the request or grain call being served. The
    /// embedded default keeps the plain lines a person at a terminal reads.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> JsonConsole = new Dictionary<string, string?>
    {
        ["Logging:Console:FormatterName"] = "json",
        ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ",
    };

    /// <summary>Puts <paramref name="defaults"/> beneath every configuration source already there.</summary>
    public static void Beneath(IConfigurationBuilder configuration, params IReadOnlyDictionary<string, string?>[] defaults) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults.SelectMany(d => d) });
}
