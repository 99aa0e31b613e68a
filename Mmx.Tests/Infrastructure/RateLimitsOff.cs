namespace Mmx.Tests.Infrastructure;

/// <summary>
/// Every key of the front's request limits (read from the settings class, so a new limit is never
/// forgotten), at a value no test reaches: every test client calls from one address, one partition.
/// </summary>
public static class RateLimitsOff
{
    public const string Value = "100000";

    public static IEnumerable<string> Names => typeof(Mmx.Api.Operations.RateLimitSettings).GetProperties().Select(p => p.Name);

    /// <summary>As configuration keys (<c>Mmx:RateLimits:X</c>) or, with <paramref name="separator"/> "__", as environment variables.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(string separator = ":") =>
        Names.Select(n => new KeyValuePair<string, string>($"Mmx{separator}RateLimits{separator}{n}", Value));
}
