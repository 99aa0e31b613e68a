namespace Mmx.Grains.ShopLife;

// Messages of the shop-life area (presence, fans, favourites, visits). Never renumber an [Id] or
// change an [Alias] once stored.

/// <summary>A shop's live numbers, and whether the asking user follows it.</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.ShopLiveCounts")]
public sealed record ShopLiveCounts
{
    [Id(0)] public required long Fans { get; init; }
    [Id(1)] public required long Customers { get; init; }
    [Id(2)] public required bool IsFan { get; init; }
}

/// <summary>A shop's details with its live counts: the whole of /user/shop/info in one grain call.</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.ShopInfo")]
public sealed record ShopInfo
{
    [Id(0)] public required Mmx.Grains.Catalogue.Shop Shop { get; init; }
    [Id(1)] public required ShopLiveCounts Counts { get; init; }
}

/// <summary>A shop's counts as its city directory lists them.</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.ShopCounts")]
public sealed record ShopCounts
{
    [Id(0)] public required long ShopId { get; init; }
    [Id(1)] public required long Fans { get; init; }
    [Id(2)] public required long Customers { get; init; }
}

/// <summary>A shop the user follows.</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.FanShop")]
public sealed record FanShop
{
    [Id(0)] public required long ShopId { get; init; }
    /// <summary>When the user started following, unix seconds.</summary>
    [Id(1)] public required long Since { get; init; }
    [Id(2)] public required bool MessagesOn { get; init; }
}

/// <summary>A goods item the user saved.</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.FavoriteGoods")]
public sealed record FavoriteGoods
{
    [Id(0)] public required long GoodsId { get; init; }
    /// <summary>When the user saved it, unix seconds.</summary>
    [Id(1)] public required long Since { get; init; }
}

/// <summary>The last visit of one shop.</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.Visit")]
public sealed record Visit
{
    [Id(0)] public required long ShopId { get; init; }
    /// <summary>Unix seconds.</summary>
    [Id(1)] public required long Time { get; init; }
}

/// <summary>How many shops a user follows, goods they saved and shops they visited.</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.FfvCount")]
public sealed record FfvCount
{
    [Id(0)] public required int Fans { get; init; }
    [Id(1)] public required int Favorite { get; init; }
    [Id(2)] public required int Visited { get; init; }
}

/// <summary>Whether a shop has a valid activity today and on-sale goods published in the last 7 days.</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.ShopNews")]
public sealed record ShopNews
{
    [Id(0)] public required bool HasAct { get; init; }
    [Id(1)] public required bool HasNew { get; init; }
}

/// <summary>How often a fan came into the shop since following it, and when last (unix seconds).</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.FanVisits")]
public sealed record FanVisits
{
    [Id(0)] public int Count { get; init; }
    [Id(1)] public long Last { get; init; }
}

/// <summary>One fan as the shop's merchant sees it (the portal's fans page).</summary>
[GenerateSerializer, Immutable, Alias("mmx.shoplife.ShopFan")]
public sealed record ShopFan
{
    [Id(0)] public required long AccId { get; init; }
    /// <summary>When the user became a fan, unix seconds (0: before MMX kept it).</summary>
    [Id(1)] public long Since { get; init; }
    [Id(2)] public FanVisits Visits { get; init; } = new();
    /// <summary>Whether the fan takes the shop's messages (msgEnable).</summary>
    [Id(3)] public bool MessagesOn { get; init; }
}
