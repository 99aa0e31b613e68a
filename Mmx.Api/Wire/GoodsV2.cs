namespace Mmx.Api.Wire;

/// <summary>
/// A goods item as the v2 routes answer it (id, desp, price, promot, picList, basic, status);
/// <see cref="Basic"/> is the list of attributes, or on the legacy wire its JSON text.
/// </summary>
public sealed record GoodsV2(long Id, string Desp, decimal Price, decimal Promot,
    ImmutableArray<string> PicList, [property: WireUnion(WireUnion.Array, WireUnion.String)] object Basic, int Status)
{
    public static GoodsV2 Of(Goods g, bool legacy) => new(g.Id, g.Desp, g.Price, g.Promot, g.Pics, BasicOf(g, legacy), g.Status);

    /// <summary>A goods item's attributes in the wire's type: a list, or the JSON text the shipped app parses.</summary>
    public static object BasicOf(Goods g, bool legacy) => legacy ? LegacyTypes.Basic(g.Basic) : g.Basic;
}
