namespace Mmx.Grains.Images;

/// <summary>
/// One per account (key: accID, or <see cref="MerchantKey"/> for a merchant's portal): the bytes of images it stored today (Asia/Shanghai days), shared
/// by all its sessions and all API fronts, so one account cannot fill the image store.
/// </summary>
[Alias("mmx.images.IImageQuotaGrain")]
public interface IImageQuotaGrain : IGrainWithIntegerKey
{
    /// <summary>A merchant's allowance, apart from every user's: the shop id negated (accIDs are positive).</summary>
    static long MerchantKey(long shopId) => -shopId;

    /// <summary>Counts these bytes against today's allowance of <paramref name="bytesPerDay"/>; LimitReached (nothing counted) when they do not fit.</summary>
    [Alias("TryUse")]
    Task<Err> TryUse(long bytes, long bytesPerDay);

    /// <summary>Deletes the count (the account is being erased).</summary>
    [Alias("Clear")]
    Task Clear();
}
