namespace Mmx.Grains.Merchants;

[GenerateSerializer, Alias("mmx.merchants.MerchantNameState")]
public sealed record MerchantNameState
{
    [Id(0)] public long ShopId { get; init; }
}

public sealed class MerchantNameGrain(
    [PersistentState(stateName: "merchant-name", storageName: SiloSetup.StorageName)] IPersistentState<MerchantNameState> state)
    : Grain, IMerchantNameGrain
{
    public async Task<long> Claim(long shopId, long abandoned)
    {
        if (state.State.ShopId != 0 && state.State.ShopId != abandoned) return state.State.ShopId;
        if (state.State.ShopId != shopId)
        {
            state.State = new MerchantNameState { ShopId = shopId };
            await state.WriteStateAsync();
        }
        return shopId;
    }

    public Task<long?> Owner() => Task.FromResult(state.State.ShopId == 0 ? null : (long?)state.State.ShopId);

    public async Task Release(long shopId)
    {
        if (state.State.ShopId != shopId) return;
        state.State = new MerchantNameState();
        await state.WriteStateAsync();
    }
}
