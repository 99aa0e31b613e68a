namespace Mmx.Grains.Catalogue;

/// <summary>
/// The ids of every shop and city of one version of the catalogue: enough for an API front to
/// answer a made-up id as unknown from its own memory, without activating a grain for it.
/// </summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.CatalogueIdSet")]
public sealed record CatalogueIdSet
{
    /// <summary>Counts the imports that changed the catalogue.</summary>
    [Id(0)] public long Version { get; init; }
    [Id(1)] public ImmutableArray<long> Shops { get; init; } = [];
    [Id(2)] public ImmutableArray<long> Cities { get; init; } = [];
}
