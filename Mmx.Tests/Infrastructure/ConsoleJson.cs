using System.Text.Json.Nodes;

namespace Mmx.Tests.Infrastructure;

/// <summary>A process's console in cluster mode, read as its JSON lines (dotnet's own start-up notices are not JSON and are skipped).</summary>
public static class ConsoleJson
{
    public static List<JsonObject> Objects(IEnumerable<string> lines) =>
        lines.Where(line => line.StartsWith('{')).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();

    /// <summary>The JSON lines of a log file a process is still writing.</summary>
    public static List<JsonObject> OfFile(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } text) lines.Add(text);
        return Objects(lines);
    }
}
