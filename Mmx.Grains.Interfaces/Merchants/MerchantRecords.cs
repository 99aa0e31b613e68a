using Mmx.Grains.Catalogue;

namespace Mmx.Grains.Merchants;

// Messages of the merchants area (a shop owner's account). Never renumber an [Id] or change an
// [Alias] once stored.

/// <summary>
/// Where a merchant's shop stands. The numbers are the shipped portal's <c>service_status</c>
/// (1 awaiting audit, 2 in service, 3 stopped, 4 not approved, 5 period over); 6 is MMX's own.
/// Only <see cref="Live"/> shops are in the catalogue users see.
/// </summary>
[GenerateSerializer, Alias("mmx.merchants.MerchantStatus")]
public enum MerchantStatus
{
    None = 0,
    Pending = 1,
    Live = 2,
    Suspended = 3,
    Rejected = 4,
    Expired = 5,
    Closed = 6,
}

/// <summary>The person behind a shop, as the portal shows and edits it. <see cref="Phone"/> was verified by SMS at sign-up.</summary>
[GenerateSerializer, Immutable, Alias("mmx.merchants.MerchantContact")]
public sealed record MerchantContact
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public string Phone { get; init; } = "";
    [Id(2)] public string Email { get; init; } = "";
    [Id(3)] public string Qq { get; init; } = "";
    [Id(4)] public string Portrait { get; init; } = "";
}

/// <summary>What a shop's details hold beyond the catalogue's shop record (the portal's sign-up form).</summary>
[GenerateSerializer, Immutable, Alias("mmx.merchants.ShopExtras")]
public sealed record ShopExtras
{
    [Id(0)] public string Brand { get; init; } = "";
    [Id(1)] public long District { get; init; }
    [Id(2)] public string BusinessArea { get; init; } = "";
    [Id(3)] public ImmutableArray<long> Categories { get; init; } = [];
}

/// <summary>A merchant sign-up, checked field by field by the API front (the password already hashed there).</summary>
[GenerateSerializer, Immutable, Alias("mmx.merchants.MerchantSignUp")]
public sealed record MerchantSignUp
{
    /// <summary>The login name, lower case.</summary>
    [Id(0)] public required string Account { get; init; }
    [Id(1)] public required string PasswordHash { get; init; }
    [Id(2)] public required MerchantContact Contact { get; init; }
    /// <summary>The shop as users will see it once it is approved (its id is this merchant's).</summary>
    [Id(3)] public required Shop Shop { get; init; }
    [Id(4)] public ShopExtras Extras { get; init; } = new();
}

/// <summary>What a password check needs: the stored hash, and where the shop stands (the portal shows it at once).</summary>
[GenerateSerializer, Immutable, Alias("mmx.merchants.MerchantLogin")]
public sealed record MerchantLogin
{
    [Id(0)] public required string PasswordHash { get; init; }
    [Id(1)] public MerchantStatus Status { get; init; }
    [Id(2)] public string Portrait { get; init; } = "";
}

/// <summary>The merchant's service as /merchant/{sid}/serviceinfo shows it.</summary>
[GenerateSerializer, Immutable, Alias("mmx.merchants.MerchantService")]
public sealed record MerchantService
{
    [Id(0)] public MerchantStatus Status { get; init; }
    /// <summary>When the service period ends (null before approval).</summary>
    [Id(1)] public DateTimeOffset? Until { get; init; }
    /// <summary>Fan messages allowed a calendar month (Asia/Shanghai).</summary>
    [Id(2)] public int MonthlyQuota { get; init; }
    [Id(3)] public int QuotaLeft { get; init; }
    /// <summary>Why the operator refused the sign-up (empty otherwise).</summary>
    [Id(4)] public string RejectReason { get; init; } = "";
}

/// <summary>One sign-up in the operators' audit queue.</summary>
[GenerateSerializer, Immutable, Alias("mmx.merchants.PendingMerchant")]
public sealed record PendingMerchant
{
    [Id(0)] public required long ShopId { get; init; }
    [Id(1)] public required string Account { get; init; }
    [Id(2)] public required string ShopName { get; init; }
    [Id(3)] public long City { get; init; }
    [Id(4)] public string ContactName { get; init; } = "";
    [Id(5)] public string Phone { get; init; } = "";
    [Id(6)] public DateTimeOffset SignedUp { get; init; }
}

/// <summary>A merchant's shop in any status, as the merchant keeps it.</summary>
[GenerateSerializer, Immutable, Alias("mmx.merchants.MerchantShop")]
public sealed record MerchantShop
{
    [Id(0)] public required Shop Shop { get; init; }
    [Id(1)] public ShopExtras Extras { get; init; } = new();
    [Id(2)] public MerchantStatus Status { get; init; }
}

/// <summary>
/// The goods fields one merchant edit changes (null: left as it is), applied by the merchant grain
/// to the goods item as it stands, so two edits of different fields at once both land.
/// </summary>
[GenerateSerializer, Immutable, Alias("mmx.merchants.GoodsChange")]
public sealed record GoodsChange
{
    [Id(0)] public string? Desp { get; init; }
    [Id(1)] public string? Detail { get; init; }
    /// <summary>The new barcode; empty removes it.</summary>
    [Id(2)] public string? Barcode { get; init; }
    [Id(3)] public decimal? Price { get; init; }
    [Id(4)] public decimal? Promot { get; init; }
    [Id(5)] public string? Brand { get; init; }
    [Id(6)] public string? Remark { get; init; }
    [Id(7)] public ImmutableArray<string>? Pics { get; init; }
    [Id(8)] public ImmutableArray<GoodsAttribute>? Basic { get; init; }
    /// <summary>1 on the shelf, 0 off it (deleting is its own call).</summary>
    [Id(9)] public int? Status { get; init; }
}

/// <summary>A merchant's new activity, checked by the API front (its id and shop are the merchant grain's to give).</summary>
[GenerateSerializer, Immutable, Alias("mmx.merchants.ActivityDraft")]
public sealed record ActivityDraft
{
    [Id(0)] public required string Title { get; init; }
    [Id(1)] public string Content { get; init; } = "";
    [Id(2)] public required DateOnly Bt { get; init; }
    [Id(3)] public required DateOnly Et { get; init; }
}
