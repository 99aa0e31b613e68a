using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Mmx.Grains.Common;

namespace Mmx.Api.Wire;

/// <summary>
/// The original backend's (thm-tech/forward) types for the values whose type differs from the
/// contract's, as its JSON encoder wrote them: times as local (Asia/Shanghai) date strings,
/// MySQL decimals as strings with two places, picture lists as lists, and goods attributes as the
/// JSON text of the column they were kept in.
/// </summary>
public static class LegacyTypes
{
    /// <summary>"2015-10-26 12:00:00": what the shipped apps cut a date out of (19 characters).</summary>
    public static string Time(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(ShanghaiCalendar.Offset)
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"128.00": a price as the label text the app sets it to.</summary>
    public static string Price(decimal price) => price.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An activity's first or last day ("2015-01-01") as the original answered it, a time of day included.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00:000000";

    /// <summary>Goods attributes as JSON text of paramsName/paramsValue lines, which the app parses.</summary>
    public static string Basic(ImmutableArray<GoodsAttribute> basic) =>
        JsonSerializer.Serialize(basic.Select(a => new BasicLine(a.Key, a.Value)), BasicOptions);

    // Chinese stays readable in the text (as the original kept it); HTML-sensitive characters are still escaped.
    private static readonly JsonSerializerOptions BasicOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private sealed record BasicLine(
        [property: JsonPropertyName("paramsName")] string Name,
        [property: JsonPropertyName("paramsValue")] string Value);
}
