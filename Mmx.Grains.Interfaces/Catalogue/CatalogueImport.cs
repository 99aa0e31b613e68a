namespace Mmx.Grains.Catalogue;

/// <summary>One import document, already checked field by field by the API front.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.CatalogueImport")]
public sealed record CatalogueImport
{
    [Id(0)] public ImmutableArray<City> Cities { get; init; } = [];
    [Id(1)] public ImmutableArray<Category> Categories { get; init; } = [];
    [Id(2)] public ImmutableArray<Shop> Shops { get; init; } = [];
    [Id(3)] public ImmutableArray<Goods> Goods { get; init; } = [];
    [Id(4)] public ImmutableArray<Activity> Activities { get; init; } = [];
    [Id(5)] public ImmutableArray<AppVersion> Versions { get; init; } = [];
    [Id(6)] public ImmutableArray<Province> Provinces { get; init; } = [];
    [Id(7)] public ImmutableArray<District> Districts { get; init; } = [];
    /// <summary>
    /// Whether the shops' <see cref="Shop.Withdrawn"/> flags are this document's to set (a
    /// merchant's publication, an operator's status change); an operator's import keeps each
    /// stored shop's flag (a new shop is shown).
    /// </summary>
    [Id(8)] public bool SetsVisibility { get; init; }
    /// <summary>Goods to take out of the catalogue (a merchant deleted them); unknown ids are no error, so a retry is harmless.</summary>
    [Id(9)] public ImmutableArray<long> GoodsRemovals { get; init; } = [];
    /// <summary>Activities to take out of the catalogue (deleted by the merchant or taken down); unknown ids are no error.</summary>
    [Id(10)] public ImmutableArray<long> ActivityRemovals { get; init; } = [];
}

/// <summary>How many records of each kind an import upserted.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.ImportCounts")]
public sealed record ImportCounts
{
    [Id(0)] public int Cities { get; init; }
    [Id(1)] public int Categories { get; init; }
    [Id(2)] public int Shops { get; init; }
    [Id(3)] public int Goods { get; init; }
    [Id(4)] public int Activities { get; init; }
    [Id(5)] public int Versions { get; init; }
    /// <summary>API fronts whose copy of the catalogue has the import (each answered it).</summary>
    [Id(6)] public int Fronts { get; init; }
    /// <summary>API fronts known to the catalogue that did not confirm the import within <c>CatalogueGrain.CopyBudget</c>.</summary>
    [Id(7)] public int FrontsMissed { get; init; }
    [Id(8)] public int Provinces { get; init; }
    [Id(9)] public int Districts { get; init; }
    [Id(10)] public int GoodsRemoved { get; init; }
    [Id(11)] public int ActivitiesRemoved { get; init; }
}
