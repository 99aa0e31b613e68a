using System.Text;

namespace Mmx.Grains.Catalogue;

/// <summary>
/// Which index shard holds a key. The functions must never change once data is stored: a
/// different shard count or hash would lose every index entry.
/// </summary>
public static class CatalogueShards
{
    public const int Count = 64;

    public static long OfGoods(long goodsId) => (long)((ulong)goodsId % Count);

    /// <summary>FNV-1a over the UTF-8 bytes: stable across processes, unlike string.GetHashCode.</summary>
    public static long OfBarcode(string barcode)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(barcode))
        {
            hash = (hash ^ b) * 16777619;
        }
        return hash % Count;
    }
}
