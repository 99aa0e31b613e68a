namespace Mmx.Grains.Catalogue;

/// <summary>
/// A shop's goods answered from memory: pages of the on-sale ones, newest first (ties: higher id
/// first), and any one by id. Built once from the shop's goods; the shop grain and every API
/// front's copy of the catalogue answer through it, so both give the same answer.
/// </summary>
public sealed class ShopGoods
{
    private readonly Goods[] _onSale;
    private readonly Dictionary<long, Goods> _byId;

    public ShopGoods(IEnumerable<Goods> goods)
    {
        _byId = goods.ToDictionary(g => g.Id);
        _onSale = [.. _byId.Values.Where(g => g.IsOnSale).OrderByDescending(g => g.Time).ThenByDescending(g => g.Id)];
    }

    /// <summary>Every goods item, in any status.</summary>
    public IEnumerable<Goods> All => _byId.Values;

    /// <summary>On-sale goods, newest first.</summary>
    public IReadOnlyList<Goods> OnSale => _onSale;

    public Page<Goods> Page(int offset, int count) => new()
    {
        Items = [.. _onSale.Skip(offset).Take(count)],
        Total = _onSale.Length,
    };

    /// <summary>One goods item of this shop in any status, or null.</summary>
    public Goods? Find(long goods) => _byId.GetValueOrDefault(goods);
}
