namespace Mmx.Grains.Catalogue;

// What the catalogue grains answer to readers, in domain names. The API front maps them to the
// spec's wire names (Mmx.Api/Catalogue/CatalogueWire.cs). Never renumber an [Id] or change an [Alias].

/// <summary>A top-level category with its children, as /user/category lists it.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.CategoryNode")]
public sealed record CategoryNode
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Pic { get; init; }
    [Id(3)] public required ImmutableArray<CategoryLeaf> Children { get; init; }
}

[GenerateSerializer, Immutable, Alias("mmx.catalogue.CategoryLeaf")]
public sealed record CategoryLeaf
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Pic { get; init; }
}

/// <summary>One row of /user/shop and /user/shop/search.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.ShopListItem")]
public sealed record ShopListItem
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required ImmutableArray<string> Pictures { get; init; }
    /// <summary>Kilometres from the caller, 2 decimals; -1 when the request carried no position.</summary>
    [Id(3)] public required double Distance { get; init; }
    [Id(4)] public required long Fans { get; init; }
    [Id(5)] public required long Customers { get; init; }
}

/// <summary>One row of /user/shop/recommend.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.RecommendedShop")]
public sealed record RecommendedShop
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Pic { get; init; }
    /// <summary>The shop's one-line description.</summary>
    [Id(3)] public required string Description { get; init; }
}

/// <summary>One row of /user/activity and the body of /userweb/activity/{id}.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.ActivityView")]
public sealed record ActivityView
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string Content { get; init; }
    [Id(3)] public required DateOnly Bt { get; init; }
    [Id(4)] public required DateOnly Et { get; init; }
    [Id(5)] public required long ShopId { get; init; }
    [Id(6)] public required string ShopName { get; init; }
    /// <summary>The shop's first picture.</summary>
    [Id(7)] public required string ShopPicture { get; init; }
}

/// <summary>What a city's shop listing is asked for: filter, optional position, page.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.ShopQuery")]
public sealed record ShopQuery
{
    /// <summary>Category id; a parent category includes its children. Null: every category.</summary>
    [Id(0)] public long? Category { get; init; }
    /// <summary>Case-insensitive substring of the shop name. Null: no name filter.</summary>
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public double? Long { get; init; }
    [Id(3)] public double? Lat { get; init; }
    [Id(4)] public int Offset { get; init; }
    [Id(5)] public int Count { get; init; } = 10;
}

/// <summary>A page of list items.</summary>
[GenerateSerializer, Immutable, Alias("mmx.catalogue.Page`1")]
public sealed record Page<T>
{
    [Id(0)] public required ImmutableArray<T> Items { get; init; }
    [Id(1)] public required int Total { get; init; }
}
