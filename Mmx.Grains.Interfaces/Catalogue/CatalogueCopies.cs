namespace Mmx.Grains.Catalogue;

// What an API front copies of the catalogue to answer listings and goods from its own memory
// (docs/decisions.md, "The catalogue in every front"). Never renumber an [Id] or change an [Alias].

/// <summary>Everything a city's directory lists: what a front's copy of the city is built from.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.CityListingData")]
public sealed record CityListingData
{
    /// <summary>False for a directory of an id no import named as a city.</summary>
    [Id(0)] public bool CityExists { get; init; }
    [Id(1)] public ImmutableArray<Shop> Shops { get; init; } = [];
    [Id(2)] public ImmutableArray<Activity> Activities { get; init; } = [];
    /// <summary>Category id to parent id (0 for top level).</summary>
    [Id(3)] public ImmutableDictionary<long, long> CategoryParents { get; init; } = ImmutableDictionary<long, long>.Empty;
}

/// <summary>The live counts a city's directory holds for its shops (pushed by their shop-life grains).</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.CityCounts")]
public sealed record CityCounts
{
    public static readonly CityCounts None = new();

    [Id(0)] public ImmutableDictionary<long, long> Fans { get; init; } = ImmutableDictionary<long, long>.Empty;
    [Id(1)] public ImmutableDictionary<long, long> Customers { get; init; } = ImmutableDictionary<long, long>.Empty;
}

/// <summary>What one import changed: which parts a front's copy must fetch again.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.CatalogueChange")]
public sealed record CatalogueChange
{
    /// <summary>The catalogue's version after the import.</summary>
    [Id(0)] public required long Version { get; init; }
    /// <summary>Cities whose directory changed (shops, activities or the category tree).</summary>
    [Id(1)] public ImmutableArray<long> Cities { get; init; } = [];
    /// <summary>Shops whose goods changed.</summary>
    [Id(2)] public ImmutableArray<long> Shops { get; init; } = [];
    /// <summary>Shops withdrawn by this change: a copy drops them (and their goods).</summary>
    [Id(3)] public ImmutableArray<long> Withdrawn { get; init; } = [];
}
