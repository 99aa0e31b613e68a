namespace Mmx.Grains.Merchants;

/// <summary>Hands out the ids of merchants' goods and activities (<see cref="IdBlocks"/>), one sequence per key.</summary>
public sealed class MerchantRecordIdGrain(
    [PersistentState(stateName: "merchant-record-ids", storageName: SiloSetup.StorageName)] IPersistentState<IdBlockState> state)
    : IdBlockGrain(state, IMerchantRecordIdGrain.FirstId), IMerchantRecordIdGrain;
