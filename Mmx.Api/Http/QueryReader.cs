using System.Globalization;

namespace Mmx.Api.Http;

/// <summary>
/// Reads query parameters the contract's way: a bad, missing or repeated value is err 1, never a
/// silent default or clamp. Lists come as repeated keys (?sid=1&amp;sid=2).
/// </summary>
public static class QueryReader
{
    public const int MaxListLength = 100;

    public static long RequiredId(this IQueryCollection query, string key) =>
        query.OptionalId(key) ?? throw ApiException.BadRequest($"{key} is required");

    public static long? OptionalId(this IQueryCollection query, string key) =>
        query.Single(key) is { } text ? ParseId(text, key) : null;

    public static int RequiredInt(this IQueryCollection query, string key, int min, int max)
    {
        var text = query.Single(key) ?? throw ApiException.BadRequest($"{key} is required");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ApiException.BadRequest($"{key} must be an integer from {min} to {max}");
    }

    public static long RequiredLong(this IQueryCollection query, string key, long min, long max)
    {
        var text = query.Single(key) ?? throw ApiException.BadRequest($"{key} is required");
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ApiException.BadRequest($"{key} must be an integer from {min} to {max}");
    }

    public static double? OptionalDouble(this IQueryCollection query, string key, double min, double max)
    {
        if (query.Single(key) is not { } text) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && value >= min && value <= max
            ? value
            : throw ApiException.BadRequest($"{key} must be a number from {min} to {max}");
    }

    public static string RequiredText(this IQueryCollection query, string key, int maxLength)
    {
        var text = query.Single(key);
        if (string.IsNullOrWhiteSpace(text)) throw ApiException.BadRequest($"{key} is required");
        return Validation.Text.SingleLine(text.Trim(), key, 1, maxLength);
    }

    /// <summary>A position is both long and lat, or neither.</summary>
    public static (double Long, double Lat)? OptionalPosition(this IQueryCollection query)
    {
        var longitude = query.OptionalDouble("long", -180, 180);
        var latitude = query.OptionalDouble("lat", -90, 90);
        return (longitude, latitude) switch
        {
            ({ } lo, { } la) => (lo, la),
            (null, null) => null,
            _ => throw ApiException.BadRequest("long and lat go together"),
        };
    }

    /// <summary>offset >= 0 (default 0) and count 1..50 (default 10); v2 routes name the count "limit".</summary>
    public static (int Offset, int Count) Paging(this IQueryCollection query, string countKey = "count")
    {
        var offset = query.ContainsKey("offset") ? query.RequiredInt("offset", 0, int.MaxValue) : 0;
        var count = query.ContainsKey(countKey) ? query.RequiredInt(countKey, 1, 50) : 10;
        return (offset, count);
    }

    /// <summary>1 to 100 ids from a repeated key, duplicates dropped, order kept.</summary>
    public static ImmutableArray<long> IdList(this IQueryCollection query, string key)
    {
        var values = query[key];
        if (values.Count == 0) throw ApiException.BadRequest($"{key} is required");
        if (values.Count > MaxListLength) throw ApiException.BadRequest($"at most {MaxListLength} {key} values");
        return [.. values.Select(v => ParseId(v, key)).Distinct()];
    }

    public static long ParseId(string? text, string key) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw ApiException.BadRequest($"{key} must be a positive integer");

    private static string? Single(this IQueryCollection query, string key)
    {
        var values = query[key];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw ApiException.BadRequest($"{key} is given more than once"),
        };
    }
}
