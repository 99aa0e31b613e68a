namespace Mmx.Grains.Merchants;

/// <summary>Hands out the ids of merchants' goods and activities (<see cref="IdBlocks"/>), one sequence per key.</summary>
public sealed class MerchantRecordIdGrain(
    [PersistentState(stateName: "merchant-record-ids", storageName: SiloSetup.StorageName)] IPersistentState<IdBlockState> state)
    : Grain, IMerchantRecordIdGrain
{
    private IdBlocks _ids = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ids = new IdBlocks(state, IMerchantRecordIdGrain.FirstId);
        return Task.CompletedTask;
    }

    public Task<long> Next() => _ids.Next();
}
