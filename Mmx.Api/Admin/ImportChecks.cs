using System.Globalization;
using Mmx.Api.Validation;

namespace Mmx.Api.Admin;

/// <summary>
/// Field-by-field checks of an import document (limits in docs/catalogue-import.md). Cross-record
/// rules (a shop's city exists, barcodes are unique) are the catalogue grain's, which knows the
/// catalogue the document joins.
/// </summary>
public static class ImportChecks
{
    public const int MaxRecordsPerList = 200_000;

    public static CatalogueImport ToImport(ImportDocument doc) => new()
    {
        Cities = Each(doc.Cities, "cities", City),
        Categories = Each(doc.Categories, "categories", Category),
        Shops = Each(doc.Shops, "shops", Shop),
        Goods = Each(doc.Goods, "goods", Goods),
        Activities = Each(doc.Activities, "activities", Activity),
        Versions = Each(doc.Versions, "versions", Version),
        Provinces = Each(doc.Provinces, "provinces", (p, at) => new Province { Id = Id(p.Id, at + ".id"), Name = Text.SingleLine(p.Name, at + ".name", 1, 32) }),
        Districts = Each(doc.Districts, "districts", (d, at) => new District
        {
            Id = Id(d.Id, at + ".id"),
            Name = Text.SingleLine(d.Name, at + ".name", 1, 32),
            City = Id(d.City, at + ".city"),
        }),
    };

    private static ImmutableArray<TOut> Each<TIn, TOut>(List<TIn>? items, string list, Func<TIn, string, TOut> check)
    {
        if (items is null) return [];
        if (items.Count > MaxRecordsPerList) throw ApiException.BadRequest($"{list}: at most {MaxRecordsPerList} records a document");
        return [.. items.Select((item, i) => item is null
            ? throw ApiException.BadRequest($"{list}[{i}]: null record")
            : check(item, $"{list}[{i}]"))];
    }

    private static City City(CityInput c, string at) => new()
    {
        Id = Id(c.Id, at + ".id"),
        Name = Text.SingleLine(c.Name, at + ".name", 1, 32),
        Province = c.Province is null ? 0 : Id(c.Province, at + ".province"),
    };

    private static Category Category(CategoryInput c, string at) => new()
    {
        Id = Id(c.Id, at + ".id"),
        Name = Text.SingleLine(c.Name, at + ".name", 1, 32),
        Pic = OptionalUrl(c.Pic, at + ".pic"),
        Parent = c.Parent is null or 0 ? 0 : Id(c.Parent, at + ".parent"),
    };

    private static Shop Shop(ShopInput s, string at) => new()
    {
        Id = Id(s.Id, at + ".id"),
        Name = Text.SingleLine(s.Name, at + ".name", 1, 64),
        City = Id(s.City, at + ".city"),
        Category = Id(s.Category, at + ".category"),
        Pics = CatalogueFields.Urls(s.Pics, at + ".pics"),
        Address = Text.SingleLine(s.Address, at + ".address", 0, 128),
        Long = Range(s.Long, at + ".long", -180, 180),
        Lat = Range(s.Lat, at + ".lat", -90, 90),
        Hours = Text.SingleLine(s.Hours, at + ".hours", 0, 32),
        Phone = Text.SingleLine(s.Phone, at + ".phone", 0, 32),
        Intro = Text.MultiLine(s.Intro, at + ".intro", 0, 2000),
        Recommend = s.Recommend ?? false,
        Dec = Text.SingleLine(s.Dec, at + ".dec", 0, 64),
        // Unix milliseconds of this version (absent: when the import is applied).
        Revised = Updated(s.Updated, at),
    };

    /// <summary>A record's optional version, Unix milliseconds (0: stamped when the import is applied).</summary>
    private static long Updated(long? updated, string at) =>
        updated is null ? 0 : updated > 0 ? updated.Value : throw ApiException.BadRequest(at + ".updated must be Unix milliseconds");

    private static Goods Goods(GoodsInput g, string at)
    {
        var price = CatalogueFields.Price(g.Price, at + ".price");
        return new Goods
        {
            Id = Id(g.Id, at + ".id"),
            Shop = Id(g.Shop, at + ".shop"),
            Desp = Text.MultiLine(g.Desp, at + ".desp", 0, 1000),
            Price = price,
            // No promotion means the goods sell at their price.
            Promot = g.Promot is null ? price : CatalogueFields.Price(g.Promot, at + ".promot"),
            Pics = CatalogueFields.Urls(g.Pics, at + ".pics"),
            Basic = Attributes(g.Basic, at + ".basic"),
            Barcode = g.Barcode is null ? null : CatalogueFields.Barcode(g.Barcode, at + ".barcode"),
            Time = g.Time is >= 0 ? g.Time.Value : throw ApiException.BadRequest($"{at}.time must be unix seconds"),
            Status = g.Status is null ? Mmx.Grains.Catalogue.Goods.OnSale
                : g.Status is 0 or 1 or 2 ? g.Status.Value : throw ApiException.BadRequest($"{at}.status must be 0, 1 or 2"),
            Detail = Text.MultiLine(g.Detail, at + ".detail", 0, 2000),
            Brand = Text.SingleLine(g.Brand, at + ".brand", 0, 64),
            Remark = Text.MultiLine(g.Remark, at + ".remark", 0, 500),
            Revised = Updated(g.Updated, at),
        };
    }

    private static Activity Activity(ActivityInput a, string at)
    {
        var bt = CatalogueFields.Day(a.Bt, at + ".bt");
        var et = CatalogueFields.Day(a.Et, at + ".et");
        if (et < bt) throw ApiException.BadRequest($"{at}: et is before bt");
        return new Activity
        {
            Id = Id(a.Id, at + ".id"),
            Shop = Id(a.Shop, at + ".shop"),
            Title = Text.SingleLine(a.Title, at + ".title", 1, 64),
            Content = Text.MultiLine(a.Content, at + ".content", 0, 2000),
            Bt = bt,
            Et = et,
        };
    }

    private static AppVersion Version(VersionInput v, string at) => new()
    {
        Sys = v.Sys is >= 1 and <= 99 ? v.Sys.Value : throw ApiException.BadRequest($"{at}.sys must be 1 to 99"),
        Version = Text.SingleLine(v.Version, at + ".version", 1, 32),
        Time = v.Time is >= 0 ? v.Time.Value : throw ApiException.BadRequest($"{at}.time must be unix seconds"),
        Remark = Text.MultiLine(v.Remark, at + ".remark", 0, 1000),
        Packet = Text.Url(v.Packet, at + ".packet"),
    };

    private static long Id(long? id, string at) =>
        BodyId.Required(id, at);

    private static double Range(double? value, string at, double min, double max) =>
        value is { } v && v >= min && v <= max ? v : throw ApiException.BadRequest($"{at} must be a number from {min} to {max}");


    private static string OptionalUrl(string? url, string at) => string.IsNullOrEmpty(url) ? "" : Text.Url(url, at);


    private static ImmutableArray<GoodsAttribute> Attributes(List<AttributeInput>? basic, string at)
    {
        if (basic is null) return [];
        if (basic.Count > CatalogueFields.MaxAttributes) throw ApiException.BadRequest($"{at}: at most {CatalogueFields.MaxAttributes} lines");
        return [.. basic.Select((b, i) => b is null
            ? throw ApiException.BadRequest($"{at}[{i}]: null line")
            : CatalogueFields.Attribute(b.Key, b.Value, $"{at}[{i}]"))];
    }



}
