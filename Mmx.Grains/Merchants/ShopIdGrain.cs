namespace Mmx.Grains.Merchants;

/// <summary>Hands out the ids of merchants' new shops (<see cref="IdBlocks"/>).</summary>
public sealed class ShopIdGrain(
    [PersistentState(stateName: "shop-ids", storageName: SiloSetup.StorageName)] IPersistentState<IdBlockState> state)
    : IdBlockGrain(state, IShopIdGrain.FirstId), IShopIdGrain;
