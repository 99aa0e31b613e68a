namespace Mmx.Grains.Catalogue;

// The catalogue as operators import it (see docs/catalogue-import.md). These records are both the
// grains' persisted state and the messages between grains: never renumber an [Id] or change an
// [Alias] once stored; add new members with new ids instead.

/// <summary>A city the platform serves; <see cref="Province"/> is 0 when the import named none.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.City")]
public sealed record City
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public long Province { get; init; }
}

/// <summary>A province (or municipality) that cities belong to: reference data for /basic/*.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.Province")]
public sealed record Province
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
}

/// <summary>A district of a city: reference data for /basic/* (and the merchants' shop addresses).</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.District")]
public sealed record District
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required long City { get; init; }
}

/// <summary>The places of the catalogue, for the reference routes: every province, city and district.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.Places")]
public sealed record Places
{
    [Id(0)] public ImmutableArray<Province> Provinces { get; init; } = [];
    [Id(1)] public ImmutableArray<City> Cities { get; init; } = [];
    [Id(2)] public ImmutableArray<District> Districts { get; init; } = [];
}

/// <summary>A goods category; <see cref="Parent"/> is 0 for a top-level category.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.Category")]
public sealed record Category
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string Pic { get; init; } = "";
    [Id(3)] public long Parent { get; init; }
}

/// <summary>A shop with its position (WGS-84 degrees).</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.Shop")]
public sealed record Shop
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required long City { get; init; }
    [Id(3)] public required long Category { get; init; }
    [Id(4)] public ImmutableArray<string> Pics { get; init; } = [];
    [Id(5)] public string Address { get; init; } = "";
    [Id(6)] public double Long { get; init; }
    [Id(7)] public double Lat { get; init; }
    [Id(8)] public string Hours { get; init; } = "";
    [Id(9)] public string Phone { get; init; } = "";
    [Id(10)] public string Intro { get; init; } = "";
    [Id(11)] public bool Recommend { get; init; }
    [Id(12)] public string Dec { get; init; } = "";
    /// <summary>
    /// When this version of the shop was made (Unix milliseconds; an import without one is stamped
    /// when it is applied): the catalogue never replaces a shop with an older version of it, so an
    /// import and a merchant's edit keep the newer whichever arrives last.
    /// </summary>
    [Id(13)] public long Revised { get; init; }
    /// <summary>
    /// Not shown to users (its merchant's service is not live: pending, suspended, closed,
    /// expired): out of every listing, and answered as unknown wherever users ask for it. The
    /// catalogue keeps it, so it comes back as it was when it is live again.
    /// </summary>
    [Id(14)] public bool Withdrawn { get; init; }

    public string FirstPic => Pics.IsDefaultOrEmpty ? "" : Pics[0];
}

/// <summary>One "key: value" line of a goods item's basic information (款式: 宽松).</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.GoodsAttribute")]
public sealed record GoodsAttribute
{
    [Id(0)] public required string Key { get; init; }
    [Id(1)] public required string Value { get; init; }
}

/// <summary>A goods item of a shop. <see cref="Status"/>: 1 on sale, 0 or 2 off the shelf.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.Goods")]
public sealed record Goods
{
    public const int OnSale = 1;

    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required long Shop { get; init; }
    [Id(2)] public string Desp { get; init; } = "";
    [Id(3)] public decimal Price { get; init; }
    [Id(4)] public decimal Promot { get; init; }
    [Id(5)] public ImmutableArray<string> Pics { get; init; } = [];
    [Id(6)] public ImmutableArray<GoodsAttribute> Basic { get; init; } = [];
    [Id(7)] public string? Barcode { get; init; }
    /// <summary>Publication time, unix seconds.</summary>
    [Id(8)] public long Time { get; init; }
    [Id(9)] public int Status { get; init; } = OnSale;
    /// <summary>The long description the shop writes (the original's <c>detail</c>).</summary>
    [Id(10)] public string Detail { get; init; } = "";
    /// <summary>The brand, when it is not the shop's own.</summary>
    [Id(11)] public string Brand { get; init; } = "";
    /// <summary>A note to customers (care, sizes).</summary>
    [Id(12)] public string Remark { get; init; } = "";
    /// <summary>
    /// When this version of the goods item was made (Unix milliseconds; an import without one is
    /// stamped when it is applied): as for <see cref="Shop.Revised"/>, the catalogue never replaces
    /// a goods item with an older version, so an import and a merchant's edit keep the newer.
    /// </summary>
    [Id(13)] public long Revised { get; init; }

    public bool IsOnSale => Status == OnSale;
    public string FirstPic => Pics.IsDefaultOrEmpty ? "" : Pics[0];
}

/// <summary>A shop's activity (promotion), valid on the days <see cref="Bt"/> to <see cref="Et"/> inclusive.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.Activity")]
public sealed record Activity
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required long Shop { get; init; }
    [Id(2)] public string Title { get; init; } = "";
    [Id(3)] public string Content { get; init; } = "";
    [Id(4)] public required DateOnly Bt { get; init; }
    [Id(5)] public required DateOnly Et { get; init; }

    public bool IsValidOn(DateOnly day) => Bt <= day && day <= Et;
}

/// <summary>The newest app release for one system (<see cref="Sys"/>: 1, 2, ...).</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.AppVersion")]
public sealed record AppVersion
{
    [Id(0)] public required int Sys { get; init; }
    [Id(1)] public required string Version { get; init; }
    [Id(2)] public long Time { get; init; }
    [Id(3)] public string Remark { get; init; } = "";
    [Id(4)] public string Packet { get; init; } = "";
}
