namespace Mmx.Grains.Merchants;

/// <summary>Hands out the ids of merchants' new shops (<see cref="IdBlocks"/>).</summary>
public sealed class ShopIdGrain(
    [PersistentState(stateName: "shop-ids", storageName: SiloSetup.StorageName)] IPersistentState<IdBlockState> state)
    : Grain, IShopIdGrain
{
    private IdBlocks _ids = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ids = new IdBlocks(state, IShopIdGrain.FirstId);
        return Task.CompletedTask;
    }

    public Task<long> Next() => _ids.Next();
}
