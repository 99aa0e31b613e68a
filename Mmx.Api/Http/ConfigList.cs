namespace Mmx.Api.Http;

/// <summary>
/// A list setting, given either as a configuration array (<c>Mmx:X:0</c>, <c>Mmx:X:1</c>, as
/// appsettings.json writes it) or as one comma-separated value (<c>Mmx__X=a,b</c>, as an
/// operator writes it in an environment variable or on the command line).
/// </summary>
public static class ConfigList
{
    public static string[] Of(IConfiguration configuration, string key) =>
        [.. (configuration.GetSection(key).Get<string[]>() ?? [])
            .Concat((configuration[key] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(item => item.Length > 0)];
}
