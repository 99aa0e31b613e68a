namespace Mmx.Grains.Catalogue;

[GenerateSerializer, Alias("mmx.catalogue.CatalogueState")]
public sealed record CatalogueState
{
    [Id(0)] public ImmutableDictionary<long, City> Cities { get; init; } = ImmutableDictionary<long, City>.Empty;
    [Id(1)] public ImmutableDictionary<long, Category> Categories { get; init; } = ImmutableDictionary<long, Category>.Empty;
    [Id(2)] public ImmutableDictionary<int, AppVersion> Versions { get; init; } = ImmutableDictionary<int, AppVersion>.Empty;
    /// <summary>Shop id to the city whose directory lists it: where to remove it from when it moves.</summary>
    [Id(3)] public ImmutableDictionary<long, long> ShopCity { get; init; } = ImmutableDictionary<long, long>.Empty;
    /// <summary>Activity id to its shop: for /userweb/activity/{id} and for moving activities.</summary>
    [Id(4)] public ImmutableDictionary<long, long> ActivityShop { get; init; } = ImmutableDictionary<long, long>.Empty;
    /// <summary>Counts the imports applied (0: none, or a state of a version that did not count).</summary>
    [Id(5)] public long Version { get; init; }
    [Id(6)] public ImmutableDictionary<long, Province> Provinces { get; init; } = ImmutableDictionary<long, Province>.Empty;
    [Id(7)] public ImmutableDictionary<long, District> Districts { get; init; } = ImmutableDictionary<long, District>.Empty;
    /// <summary>Shop id to the <see cref="Shop.Revised"/> of the version stored.</summary>
    [Id(8)] public ImmutableDictionary<long, long> ShopRevised { get; init; } = ImmutableDictionary<long, long>.Empty;
    /// <summary>The shops not shown to users (<see cref="Shop.Withdrawn"/>).</summary>
    [Id(9)] public ImmutableHashSet<long> Withdrawn { get; init; } = ImmutableHashSet<long>.Empty;

    /// <summary>Whether users see the shop: in the catalogue and not withdrawn.</summary>
    public bool Shows(long shop) => ShopCity.ContainsKey(shop) && !Withdrawn.Contains(shop);

    public ImmutableDictionary<long, long> CategoryParents() =>
        Categories.Values.ToImmutableDictionary(c => c.Id, c => c.Parent);
}
