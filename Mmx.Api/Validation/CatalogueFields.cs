using System.Globalization;

namespace Mmx.Api.Validation;

/// <summary>
/// Field rules of catalogue records, the same wherever they come from: an operator's import
/// document and a merchant's portal form (limits in docs/catalogue-import.md).
/// </summary>
public static class CatalogueFields
{
    public const int MaxPics = 20;
    public const int MaxAttributes = 50;
    public const decimal MaxPrice = 100_000_000m;

    public static decimal Price(decimal? value, string at) =>
        value is { } v && v >= 0 && v <= MaxPrice ? v : throw ApiException.BadRequest($"{at} must be a price from 0 to {MaxPrice}");

    public static ImmutableArray<string> Urls(List<string>? urls, string at)
    {
        if (urls is null) return [];
        if (urls.Count > MaxPics) throw ApiException.BadRequest($"{at}: at most {MaxPics} pictures");
        return [.. urls.Select((u, i) => Text.Url(u, $"{at}[{i}]"))];
    }

    /// <summary>One "key: value" line of a goods item's basic information, checked.</summary>
    public static GoodsAttribute Attribute(string? key, string? value, string at) => new()
    {
        Key = Text.SingleLine(key, at + ".key", 1, 32),
        Value = Text.SingleLine(value, at + ".value", 0, 256),
    };

    /// <summary>Barcodes are printed codes: 1 to 64 visible ASCII characters.</summary>
    public static string Barcode(string barcode, string at) =>
        barcode.Length is >= 1 and <= 64 && barcode.All(c => c is > ' ' and <= '~')
            ? barcode
            : throw ApiException.BadRequest($"{at} must be 1 to 64 visible ASCII characters");

    public static DateOnly Day(string? text, string at) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw ApiException.BadRequest($"{at} must be a date yyyy-MM-dd");
}
