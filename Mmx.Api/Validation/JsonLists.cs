using System.Globalization;
using System.Text.Json;

namespace Mmx.Api.Validation;

/// <summary>
/// Lists as the shipped portal sends them (contract: liberal input): a JSON array, one value, or
/// one string of values separated by commas (<c>$scope.goodsCheckedList.toString()</c>).
/// </summary>
public static class JsonLists
{
    /// <summary>Positive ids, numbers or strings of digits, each once in the order given; err 1 for anything else or an empty list.</summary>
    public static List<long> Ids(JsonElement? list, string field, int max)
    {
        var ids = new List<long>();
        foreach (var (_, text) in Items(list, field))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                throw ApiException.BadRequest($"{field} must hold ids");
            if (!ids.Contains(id)) ids.Add(id);
        }
        if (ids.Count == 0 || ids.Count > max) throw ApiException.BadRequest($"{field} must hold 1 to {max} ids");
        return ids;
    }

    /// <summary>Strings (empty ones left out); err 1 for a list holding anything else.</summary>
    public static List<string> Strings(JsonElement? list, string field) =>
        [.. Items(list, field).Select(item => item.IsString ? item.Text : throw ApiException.BadRequest($"{field} must hold strings"))
            .Where(text => text.Length > 0)];

    private static IEnumerable<(bool IsString, string Text)> Items(JsonElement? list, string field) => list switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(item => item.ValueKind switch
        {
            JsonValueKind.String => (true, item.GetString()!.Trim()),
            JsonValueKind.Number => (false, item.GetRawText()),
            _ => throw ApiException.BadRequest($"{field} must hold numbers or strings"),
        }),
        { ValueKind: JsonValueKind.String } text => text.GetString()!.Split(',').Select(part => (true, part.Trim())).Where(p => p.Item2.Length > 0),
        { ValueKind: JsonValueKind.Number } one => [(false, one.GetRawText())],
        _ => throw ApiException.BadRequest($"{field} must be a list"),
    };
}
