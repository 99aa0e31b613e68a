using System.Globalization;

namespace Mmx.Api.Http;

/// <summary>
/// Reads query parameters the contract's way: a bad, missing or repeated value is err 1, never a
/// silent default or clamp. Lists come as repeated keys (?sid=1&amp;sid=2). A key given with an
/// empty value (<c>?offset=</c>, as clients that fill a template send it) counts as absent.
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

    /// <summary>Text that may be absent or empty (null then), else one line of at most <paramref name="maxLength"/>.</summary>
    public static string? OptionalText(this IQueryCollection query, string key, int maxLength) =>
        query.Single(key) is { } text ? Validation.Text.SingleLine(text.Trim(), key, 1, maxLength) : null;

    /// <summary>A 0/1 switch: 0/1 or false/true; null when absent.</summary>
    public static bool? OptionalSwitch(this IQueryCollection query, string key) => query.Single(key)?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "1" or "true" => true,
        "0" or "false" => false,
        _ => throw ApiException.BadRequest($"{key} must be 0 or 1"),
    };

    /// <summary>A category filter: absent or 0 (the apps' "all") is none.</summary>
    public static long? OptionalCategory(this IQueryCollection query, string key = "category") =>
        query.Single(key) == "0" ? null : query.OptionalId(key);

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

    /// <summary>The largest page a client may ask for (the shipped app asks for 100 on several screens).</summary>
    public const int MaxPage = 100;

    /// <summary>The page size when a client gives none.</summary>
    public const int DefaultCount = 10;

    /// <summary>offset >= 0 (default 0) and count 1..100 (default 10); v2 routes name the count "limit".</summary>
    public static (int Offset, int Count) Paging(this IQueryCollection query, string countKey = "count", int defaultCount = DefaultCount)
    {
        var offset = query.Single("offset") is null ? 0 : query.RequiredInt("offset", 0, int.MaxValue);
        var count = query.Single(countKey) is null ? defaultCount : query.RequiredInt(countKey, 1, MaxPage);
        return (offset, count);
    }

    /// <summary>1 to 100 ids from a repeated key (0 too when <paramref name="allowNone"/>), duplicates dropped, order kept.</summary>
    public static ImmutableArray<long> IdList(this IQueryCollection query, string key, bool allowNone = false)
    {
        var values = query[key];
        if (values.Count == 0 && allowNone) return [];
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
            1 => string.IsNullOrWhiteSpace(values[0]) ? null : values[0],
            _ => throw ApiException.BadRequest($"{key} is given more than once"),
        };
    }
}
