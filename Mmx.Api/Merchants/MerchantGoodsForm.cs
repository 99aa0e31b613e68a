using System.Globalization;
using System.Text.Json;
using Mmx.Api.Validation;
using Mmx.Grains.Merchants;

namespace Mmx.Api.Merchants;

/// <summary>
/// The portal's goods form checked field by field, with the import's limits (ImportChecks): a
/// new goods item needs a description and a price; an edit changes the fields it names.
/// </summary>
public static class MerchantGoodsForm
{
    public const int MaxBulk = 100;

    /// <summary>The fields the body names (null: not named); err 1 for a bad one.</summary>
    public static GoodsChange Change(GoodsFieldsRequest body) => new()
    {
        Desp = body.Description is null ? null : Text.MultiLine(body.Description.Trim(), "description", 1, 1000),
        Detail = body.Detail is null ? null : Text.MultiLine(body.Detail.Trim(), "detail", 0, 2000),
        Barcode = body.BarCode is null ? null : body.BarCode.Trim() is "" ? "" : CatalogueFields.Barcode(body.BarCode.Trim(), "bar_code"),
        Price = Price(body.Price, "price"),
        Promot = Price(body.PromotionPrice, "promotion_price"),
        Brand = body.BrandName is null ? null : Text.SingleLine(body.BrandName.Trim(), "brand_name", 0, 64),
        Remark = body.Remark is null ? null : Text.MultiLine(body.Remark.Trim(), "remark", 0, 500),
        Pics = body.PicUrlList is null or { ValueKind: JsonValueKind.Null } ? null : CatalogueFields.Urls(JsonLists.Strings(body.PicUrlList, "pic_url_list"), "pic_url_list"),
        Basic = body.BasicInfo is null or { ValueKind: JsonValueKind.Null } ? null : BasicInfo(body.BasicInfo.Value),
        Status = body.Status is null ? null : body.Status is 0 or 1 ? body.Status : throw ApiException.BadRequest("status must be 0 (off the shelf) or 1 (on it)"),
    };

    /// <summary>A new goods item: a description and a price are needed; no promotion means the goods sell at their price.</summary>
    public static Goods New(GoodsFieldsRequest body)
    {
        var change = Change(body);
        if (change.Desp is null) throw ApiException.BadRequest("description is required");
        if (change.Price is not { } price) throw ApiException.BadRequest("price is required");
        return new Goods
        {
            Id = 0,
            Shop = 0,
            Desp = change.Desp,
            Detail = change.Detail ?? "",
            Barcode = change.Barcode is "" ? null : change.Barcode,
            Price = price,
            Promot = change.Promot ?? price,
            Brand = change.Brand ?? "",
            Remark = change.Remark ?? "",
            Pics = change.Pics ?? [],
            Basic = change.Basic ?? [],
        };
    }

    /// <summary>A price as a number or a string of one ("" or null: not given).</summary>
    private static decimal? Price(JsonElement? value, string field) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } text when text.GetString()!.Trim() is "" => null,
        { ValueKind: JsonValueKind.String } text when decimal.TryParse(text.GetString()!.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => CatalogueFields.Price(parsed, field),
        { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var parsed) => CatalogueFields.Price(parsed, field),
        _ => throw ApiException.BadRequest($"{field} must be a price"),
    };

    /// <summary>
    /// basic_info as the portal sends it: the JSON text of (or the list itself) <c>[{"paramsName",
    /// "paramsValue"}]</c>, the goods' "key: value" lines.
    /// </summary>
    private static ImmutableArray<GoodsAttribute> BasicInfo(JsonElement value)
    {
        JsonElement list;
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!.Trim();
            if (text.Length == 0) return [];
            try
            {
                using var parsed = JsonDocument.Parse(text);
                list = parsed.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw ApiException.BadRequest("basic_info must be a list of {paramsName, paramsValue}");
            }
        }
        else list = value;
        if (list.ValueKind != JsonValueKind.Array) throw ApiException.BadRequest("basic_info must be a list of {paramsName, paramsValue}");
        if (list.GetArrayLength() > CatalogueFields.MaxAttributes) throw ApiException.BadRequest($"basic_info: at most {CatalogueFields.MaxAttributes} lines");
        return [.. list.EnumerateArray().Select((line, i) => line.ValueKind == JsonValueKind.Object
            ? CatalogueFields.Attribute(Member(line, "paramsName"), Member(line, "paramsValue"), $"basic_info[{i}]")
            : throw ApiException.BadRequest($"basic_info[{i}] must be {{paramsName, paramsValue}}"))];
    }

    private static string? Member(JsonElement line, string name) =>
        line.TryGetProperty(name, out var member) ? member.ValueKind switch
        {
            JsonValueKind.String => member.GetString(),
            JsonValueKind.Number => member.GetRawText(),
            _ => null,
        } : null;
}
