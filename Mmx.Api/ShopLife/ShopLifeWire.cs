using System.Text.Json.Serialization;

namespace Mmx.Api.ShopLife;

// The shop-life routes' answers (fans, favourites, presence, counts) in the spec's spelling.

public sealed record FanShopsDiffReply(Err Err, long[] AddShopIDs, long[] DelShopIDs);

/// <summary>A followed shop: when it was followed, and msgEnable 2 (messages on) or 0.</summary>
public sealed record FanShopWire(long Id, string Name, string Pic, long Time, int MsgEnable);
public sealed record FanShopsReply(Err Err, ImmutableArray<FanShopWire> ShopList);

public sealed record ShopNewsWire(long Id, int HasAct, int HasNew);
public sealed record ShopNewsReply(Err Err, ImmutableArray<ShopNewsWire> ShopList);

public sealed record CustomersReply(Err Err, long Count);

public sealed record VisitWire(long Id, string Name, long Time);
public sealed record VisitsReply(Err Err, ImmutableArray<VisitWire> ShopList);

public sealed record FfvCountWire(long Fans, long Favorite, long Visited);
public sealed record FfvCountReply(Err Err, FfvCountWire FfvCount);

public sealed record SavedGoodsDiffReply(Err Err, long[] AddGoodsIDs, long[] DelGoodsIDs);

public sealed record SavedGoodsWire(long Gid, long Sid, string Desp, decimal Price, decimal Promot, string Pic);
public sealed record SavedGoodsReply(Err Err, ImmutableArray<SavedGoodsWire> GoodsList);

/// <summary>A goods item's current promotion; status is left out on the legacy wire (the app's model raises on it).</summary>
public sealed record PromotionWire(long Gid, decimal Promot,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Status);
public sealed record PromotionsReply(Err Err, ImmutableArray<PromotionWire> GoodsList);

public sealed record GoodsV2ListReply(Err Err, ImmutableArray<GoodsV2> Goods);
public sealed record GoodsV2PageReply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum, ImmutableArray<GoodsV2> Goods);
