namespace Mmx.Grains.Merchants;

[GenerateSerializer, Alias("mmx.merchants.MerchantAuditQueueState")]
public sealed record MerchantAuditQueueState
{
    [Id(0)] public ImmutableDictionary<long, PendingMerchant> Pending { get; init; } = ImmutableDictionary<long, PendingMerchant>.Empty;
}

/// <summary>The sign-ups awaiting an operator. Small by nature (each is decided and removed).</summary>
public sealed class MerchantAuditQueueGrain(
    [PersistentState(stateName: "merchant-audit", storageName: SiloSetup.StorageName)] IPersistentState<MerchantAuditQueueState> state)
    : Grain, IMerchantAuditQueueGrain
{
    public async Task Add(PendingMerchant merchant)
    {
        if (state.State.Pending.ContainsKey(merchant.ShopId)) return;
        state.State = state.State with { Pending = state.State.Pending.SetItem(merchant.ShopId, merchant) };
        await state.WriteStateAsync();
    }

    public async Task Remove(long shopId)
    {
        if (!state.State.Pending.ContainsKey(shopId)) return;
        state.State = state.State with { Pending = state.State.Pending.Remove(shopId) };
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<PendingMerchant>> List() =>
        Task.FromResult(state.State.Pending.Values.OrderBy(p => p.SignedUp).ThenBy(p => p.ShopId).ToImmutableArray());
}
