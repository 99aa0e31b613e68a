namespace Mmx.Grains.ShopLife;

/// <summary>
/// One per goods item (key: goods id): who saved it, so that goods info can answer
/// <c>attention_count</c>. A set, not a counter, so a retried save or unsave cannot count twice.
/// </summary>
[Alias("mmx.shoplife.IGoodsSaversGrain")]
public interface IGoodsSaversGrain : IGrainWithIntegerKey
{
    /// <summary>Records that the user saved the item. Idempotent.</summary>
    [Alias("Add")]
    Task Add(long accId);

    /// <summary>Records that the user no longer saves the item. Idempotent.</summary>
    [Alias("Remove")]
    Task Remove(long accId);

    /// <summary>A page of the users who save the item, by accID (the shop's merchant's view).</summary>
    [Alias("Savers"), ReadOnly]
    Task<Catalogue.Page<long>> Savers(int offset, int count);

    /// <summary>How many users save the item.</summary>
    [Alias("Count"), ReadOnly]
    Task<int> Count();
}
