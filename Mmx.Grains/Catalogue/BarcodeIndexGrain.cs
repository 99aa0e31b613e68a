namespace Mmx.Grains.Catalogue;

[GenerateSerializer, Alias("mmx.catalogue.BarcodeIndexState")]
public sealed record BarcodeIndexState
{
    [Id(0)] public ImmutableDictionary<string, long> BarcodeToGoods { get; init; } = ImmutableDictionary<string, long>.Empty;
}

public sealed class BarcodeIndexGrain(
    [PersistentState(stateName: "barcode-index", storageName: SiloSetup.StorageName)] IPersistentState<BarcodeIndexState> state)
    : Grain, IBarcodeIndexGrain
{
    public Task Set(ImmutableDictionary<string, long> barcodeToGoods) =>
        Save(state.State.BarcodeToGoods.SetItems(barcodeToGoods));

    public Task Forget(ImmutableDictionary<string, long> barcodeToGoods)
    {
        var current = state.State.BarcodeToGoods;
        var stale = barcodeToGoods
            .Where(pair => current.TryGetValue(pair.Key, out var goods) && goods == pair.Value)
            .Select(pair => pair.Key);
        return Save(current.RemoveRange(stale));
    }

    public Task<ImmutableDictionary<string, long>> Find(ImmutableArray<string> barcodes)
    {
        var known = state.State.BarcodeToGoods;
        var found = ImmutableDictionary.CreateBuilder<string, long>();
        foreach (var barcode in barcodes)
        {
            if (known.TryGetValue(barcode, out var goods)) found[barcode] = goods;
        }
        return Task.FromResult(found.ToImmutable());
    }

    private async Task Save(ImmutableDictionary<string, long> next)
    {
        if (next == state.State.BarcodeToGoods) return;
        state.State = state.State with { BarcodeToGoods = next };
        await state.WriteStateAsync();
    }
}
