using System.Text.Json.Serialization;
using Mmx.Api.Wire;

namespace Mmx.Api.Catalogue;

// The catalogue routes' answers in the spec's spelling, and the mappers from the grains' views.

public sealed record CityWire(long Id, string Name);
public sealed record CityListReply(Err Err, ImmutableArray<CityWire> CityList);

public sealed record CategoryLeafWire(long Id, string Name, string Pic);
public sealed record CategoryWire(long Id, string Name, string Pic, ImmutableArray<CategoryLeafWire> Child)
{
    public static CategoryWire Of(CategoryNode node) =>
        new(node.Id, node.Name, node.Pic, [.. node.Children.Select(c => new CategoryLeafWire(c.Id, c.Name, c.Pic))]);
}
public sealed record CategoryListReply(Err Err, ImmutableArray<CategoryWire> CategoryList);

public sealed record VersionReply(Err Err, string Version, long Time, string Remark, string Packet);

/// <summary>A row of /user/shop and /user/shop/search; distance in km, -1 without a position.</summary>
public sealed record ShopListItemWire(long Id, string Name, ImmutableArray<string> PicList, double Distance, long Fans, long Customers)
{
    public static ShopListItemWire Of(ShopListItem s) => new(s.Id, s.Name, s.Pictures, s.Distance, s.Fans, s.Customers);
}
public sealed record ShopListReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum, ImmutableArray<ShopListItemWire> ShopList);

public sealed record RecommendedShopWire(long Id, string Name, string Pic, string Dec);
public sealed record RecommendedShopsReply(Err Err, ImmutableArray<RecommendedShopWire> ShopList);

public sealed record ShopNameReply(Err Err, string ShopName);

/// <summary>A shop's details with its live counts; isFans is 1 when the caller follows it.</summary>
public sealed record ShopInfoWire(long Id, string Name, long Fans, long Customers, int IsFans, ImmutableArray<string> PicList,
    string Address, double Long, double Lat, string Hours, string Phone, string Intro);
public sealed record ShopInfoReply(Err Err, ShopInfoWire Info);

/// <summary>A row of /user/goods; time is unix seconds, on the legacy wire a "yyyy-MM-dd HH:mm:ss" string.</summary>
public sealed record GoodsListItemWire(long Id, string Name, decimal Price, decimal Promot, string Pic, [property: WireUnion(WireUnion.Integer, WireUnion.String)] object Time);
public sealed record GoodsListReply(Err Err, ImmutableArray<GoodsListItemWire> GoodsList);

/// <summary>
/// One goods item; basic is its attributes, on the legacy wire their JSON text. detail, brandName,
/// remark and barcode are the original's fields the web client's goods page shows ("" when unset).
/// </summary>
public sealed record GoodsInfoWire(long Id, [property: JsonPropertyName("shop_id")] long ShopId, string Desp, decimal Price,
    decimal Promot, ImmutableArray<string> PicList, [property: WireUnion(WireUnion.Array, WireUnion.String)] object Basic, int Status,
    [property: JsonPropertyName("attention_count")] long AttentionCount,
    string Detail, string BrandName, string Remark, string Barcode);
public sealed record GoodsInfoReply(Err Err, GoodsInfoWire Info);

/// <summary>A goods item of /userweb/shopgoods: the v2 fields plus what the web client reads (pic, name, time).</summary>
public sealed record ShopGoodsItemWire(long Id, string Name, string Desp, decimal Price, decimal Promot, string Pic,
    ImmutableArray<string> PicList, [property: WireUnion(WireUnion.Array, WireUnion.String)] object Basic, int Status, [property: WireUnion(WireUnion.Integer, WireUnion.String)] object Time)
{
    public static ShopGoodsItemWire Of(Goods g, bool legacy) => new(g.Id, g.Desp, g.Desp, g.Price, g.Promot, g.FirstPic, g.Pics,
        GoodsV2.BasicOf(g, legacy), g.Status, legacy ? LegacyTypes.Time(g.Time) : g.Time);
}
public sealed record ShopGoodsWire(
    [property: JsonPropertyName("shop_id")] long ShopId,
    [property: JsonPropertyName("shop_name")] string ShopName,
    ImmutableArray<ShopGoodsItemWire> Goods);
public sealed record ShopGoodsReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum, ImmutableArray<ShopGoodsWire> Shops);

/// <summary>An activity of a shop's list (valid today).</summary>
public sealed record ShopActivityWire(long Id, string Title, string Content, DateOnly Bt, DateOnly Et);
public sealed record ShopActivitiesReply(Err Err, ImmutableArray<ShopActivityWire> ActList);

/// <summary>An activity with its shop, as /user/activity lists it and /userweb/activity/{id} answers it.</summary>
public sealed record ActivityWire(long ActID, string Title, string Content, DateOnly Bt, DateOnly Et, long ShopID, string ShopName, string ShopPic)
{
    public static ActivityWire Of(ActivityView a) => new(a.Id, a.Title, a.Content, a.Bt, a.Et, a.ShopId, a.ShopName, a.ShopPicture);
}
public sealed record CityActivitiesReply(Err Err, int Count, ImmutableArray<ActivityWire> ActList);

/// <summary>/userweb/activity/{id}: on the legacy wire the days carry a time of day and shopPic is every picture of the shop.</summary>
public sealed record ActivityReply(Err Err, long ActID, string Title, string Content, [property: WireUnion(WireUnion.Date, WireUnion.String)] object Bt,
    [property: WireUnion(WireUnion.Date, WireUnion.String)] object Et, long ShopID, string ShopName, [property: WireUnion(WireUnion.String, WireUnion.Array)] object ShopPic);
