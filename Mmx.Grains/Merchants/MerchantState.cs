namespace Mmx.Grains.Merchants;

/// <summary>A merchant account as stored. Never renumber an [Id] or change an [Alias] once stored.</summary>
[GenerateSerializer, Alias("mmx.merchants.MerchantState")]
public sealed record MerchantState
{
    [Id(0)] public string Account { get; init; } = "";
    [Id(1)] public string PasswordHash { get; init; } = "";
    [Id(2)] public MerchantContact Contact { get; init; } = new();
    [Id(3)] public Shop? Shop { get; init; }
    [Id(4)] public ShopExtras Extras { get; init; } = new();
    [Id(5)] public MerchantStatus Status { get; init; }
    [Id(6)] public DateTimeOffset? ServiceUntil { get; init; }
    [Id(7)] public int MonthlyQuota { get; init; }
    /// <summary>The month (Asia/Shanghai, yyyyMM) that <see cref="QuotaUsed"/> counts.</summary>
    [Id(8)] public int QuotaMonth { get; init; }
    [Id(9)] public int QuotaUsed { get; init; }
    [Id(10)] public string RejectReason { get; init; } = "";
    [Id(11)] public DateTimeOffset SignedUp { get; init; }
    /// <summary>Whether the catalogue has the shop as the last decision left it (false while a publication is owed).</summary>
    [Id(12)] public bool Published { get; init; }
    /// <summary>The decision whose SMS went out (so that a retried decision sends none twice).</summary>
    [Id(13)] public int NoticeSentFor { get; init; }
    /// <summary>Counts the operators' decisions (each retried one keeps its number).</summary>
    [Id(14)] public int Decisions { get; init; }
    /// <summary>The day (Asia/Shanghai) of the shop's last new activity: one a day.</summary>
    [Id(15)] public DateOnly? LastActivityDay { get; init; }
    /// <summary>The session grains' keys of the merchant's open logins (oldest first, at most <see cref="MerchantGrain.MaxSessions"/>), closed by a password reset.</summary>
    [Id(16)] public ImmutableArray<string> Sessions { get; init; } = [];
}
