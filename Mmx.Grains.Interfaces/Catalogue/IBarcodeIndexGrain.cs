namespace Mmx.Grains.Catalogue;

/// <summary>Barcode to goods id, sharded by <see cref="CatalogueShards.OfBarcode"/>.</summary>
[Alias("mmx.catalogue.IBarcodeIndexGrain")]
public interface IBarcodeIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Points each barcode at its goods id (all of this shard). Idempotent.</summary>
    [Alias("Set")]
    Task Set(ImmutableDictionary<string, long> barcodeToGoods);

    /// <summary>Forgets each barcode, but only while it still points at the given goods id. Idempotent.</summary>
    [Alias("Forget")]
    Task Forget(ImmutableDictionary<string, long> barcodeToGoods);

    /// <summary>The goods id of each barcode that is known here; unknown barcodes are left out.</summary>
    [Alias("Find"), ReadOnly]
    Task<ImmutableDictionary<string, long>> Find(ImmutableArray<string> barcodes);
}
