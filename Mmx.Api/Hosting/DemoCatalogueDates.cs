using System.Text.Json.Nodes;

namespace Mmx.Api.Hosting;

/// <summary>
/// The demo catalogue was written on one day; loaded months later, none of its goods would be
/// "new" (hasNew: the last 7 days) and its activities would have ended. So at load time every date
/// moves by the same whole number of days: the newest goods item is then a day old, and each
/// activity stands where it stood, relative to that item, when the file was written.
/// </summary>
public static class DemoCatalogueDates
{
    public static JsonNode MovedTo(JsonNode catalogue, DateOnly today)
    {
        var goods = catalogue["goods"]?.AsArray() ?? [];
        var newest = goods.Select(g => (long?)g?["time"]).Max();
        if (newest is null) return catalogue;
        var written = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(newest.Value).ToOffset(Grains.Common.ShanghaiCalendar.Offset).DateTime);
        var days = today.AddDays(-1).DayNumber - written.DayNumber;
        foreach (var item in goods.OfType<JsonObject>()) item["time"] = (long)item["time"]! + days * 86_400L;
        foreach (var activity in (catalogue["activities"]?.AsArray() ?? []).OfType<JsonObject>())
        {
            foreach (var field in new[] { "bt", "et" })
            {
                activity[field] = DateOnly.ParseExact((string)activity[field]!, "yyyy-MM-dd").AddDays(days).ToString("yyyy-MM-dd");
            }
        }
        return catalogue;
    }
}
