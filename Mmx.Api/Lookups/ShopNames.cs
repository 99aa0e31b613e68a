namespace Mmx.Api.Lookups;

/// <summary>The catalogue records of several shops at once (one in-memory call per shop, in parallel).</summary>
public static class ShopNames
{
    public static async Task<Dictionary<long, Shop>> Of(IGrainFactory grains, IEnumerable<long> shopIds)
    {
        var ids = shopIds.Distinct().ToArray();
        var shops = await Task.WhenAll(ids.Select(id => grains.GetGrain<IShopGrain>(id).GetDetails()));
        return shops.Where(s => s.IsOk).ToDictionary(s => s.Value!.Id, s => s.Value!);
    }
}
