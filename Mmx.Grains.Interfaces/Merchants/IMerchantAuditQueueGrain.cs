namespace Mmx.Grains.Merchants;

/// <summary>The operators' audit queue of merchant sign-ups (one activation, key <see cref="Key"/>), oldest first.</summary>
[Alias("mmx.merchants.IMerchantAuditQueueGrain")]
public interface IMerchantAuditQueueGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    /// <summary>Queues a sign-up. Idempotent.</summary>
    [Alias("Add")]
    Task Add(PendingMerchant merchant);

    /// <summary>Takes a decided sign-up out. Idempotent.</summary>
    [Alias("Remove")]
    Task Remove(long shopId);

    [Alias("List"), ReadOnly]
    Task<ImmutableArray<PendingMerchant>> List();
}
