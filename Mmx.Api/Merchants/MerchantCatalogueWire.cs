using System.Globalization;
using System.Text.Json.Serialization;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Merchants;

// The portal's goods, activities and fans in the original's spelling (forward/modules/mt), with
// is_success beside err. Prices are numbers (contract), times as the original wrote them (LegacyTypes.Time).

/// <summary>One "key: value" line of basic_info as the portal writes and reads it.</summary>
public sealed record GoodsParamWire(string ParamsName, string ParamsValue);

/// <summary>A goods item of the merchant's shop, in any status (1 on the shelf, 0 off it).</summary>
public sealed record MerchantGoodsWire(
    [property: JsonPropertyName("goods_id")] long GoodsId,
    [property: JsonPropertyName("shop_id")] long ShopId,
    string Description,
    string Detail,
    [property: JsonPropertyName("bar_code"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? BarCode,
    decimal Price,
    [property: JsonPropertyName("promotion_price")] decimal PromotionPrice,
    [property: JsonPropertyName("pic_url_list")] ImmutableArray<string> PicUrlList,
    [property: JsonPropertyName("brand_name")] string BrandName,
    [property: JsonPropertyName("basic_info")] ImmutableArray<GoodsParamWire> BasicInfo,
    string Remark,
    int Status,
    [property: JsonPropertyName("publish_time")] string PublishTime,
    [property: JsonPropertyName("favorite_num")] int FavoriteNum,
    int Index)
{
    public static MerchantGoodsWire Of(Goods g, int favourites, int index) => new(
        g.Id, g.Shop, g.Desp, g.Detail, g.Barcode, g.Price, g.Promot, g.Pics.IsDefault ? [] : g.Pics, g.Brand,
        [.. g.Basic.IsDefault ? [] : g.Basic.Select(b => new GoodsParamWire(b.Key, b.Value))], g.Remark,
        g.Status, LegacyTypes.Time(g.Time), favourites, index);
}

/// <summary>GET /goods and /goods/search: a page of the shop's goods, newest first, and how many match.</summary>
public sealed record MerchantGoodsListReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("total_num")] int TotalNum,
    [property: JsonPropertyName("shop_name")] string ShopName,
    ImmutableArray<MerchantGoodsWire> Goods);

/// <summary>GET /goods/{gid}.</summary>
public sealed record MerchantGoodsReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    MerchantGoodsWire Goods);

/// <summary>POST /goods: the new goods item's id, and whether the fans were told (is_sendall asked and the month's quota allowed it).</summary>
public sealed record GoodsPublishedReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("goods_id")] long GoodsId,
    [property: JsonPropertyName("is_sendall")] bool IsSendall);

/// <summary>PUT and DELETE /goods/{gid}.</summary>
public sealed record GoodsDoneReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("goods_id")] long GoodsId);

/// <summary>A user as the merchant's pages show one.</summary>
public sealed record MerchantUserWire(
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("user_name")] string UserName,
    [property: JsonPropertyName("portrait_url"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PortraitUrl);

/// <summary>GET /goods/{gid}/fans: who saves the goods item (users: their ids, as the original; fans: with names).</summary>
public sealed record GoodsFansReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("total_num")] int TotalNum,
    ImmutableArray<long> Users,
    ImmutableArray<MerchantUserWire> Fans);

/// <summary>An activity of the merchant's shop: begin_time is its first day's start, end_time its last day's end.</summary>
public sealed record MerchantActivityWire(
    [property: JsonPropertyName("act_id")] long ActId,
    [property: JsonPropertyName("shop_id")] long ShopId,
    [property: JsonPropertyName("act_title")] string ActTitle,
    [property: JsonPropertyName("act_content")] string ActContent,
    [property: JsonPropertyName("begin_time")] string BeginTime,
    [property: JsonPropertyName("end_time")] string EndTime,
    int Index)
{
    public static MerchantActivityWire Of(Activity a, int index) => new(a.Id, a.Shop, a.Title, a.Content,
        a.Bt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00",
        a.Et.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 23:59:59", index);
}

/// <summary>GET /shop/{sid}/activities.</summary>
public sealed record MerchantActivitiesReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("total_num")] int TotalNum,
    ImmutableArray<MerchantActivityWire> Activities);

/// <summary>POST /shop/{sid}/activities and DELETE /shop/{sid}/activity/{aid}.</summary>
public sealed record ActivityDoneReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("shop_id")] long ShopId,
    [property: JsonPropertyName("activity_id")] long ActivityId);

/// <summary>One fan of the shop: since when, how often they came in since and when last, whether they take the shop's messages.</summary>
public sealed record ShopFanWire(
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("user_name")] string UserName,
    [property: JsonPropertyName("portrait_url"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PortraitUrl,
    [property: JsonPropertyName("fan_since"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FanSince,
    [property: JsonPropertyName("user_visit_num")] int UserVisitNum,
    [property: JsonPropertyName("user_last_visitime"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UserLastVisitime,
    [property: JsonPropertyName("msg_enable")] int MsgEnable,
    int Index)
{
    public static ShopFanWire Of(ShopFan fan, Mmx.Grains.Accounts.Profile? profile, int index) => new(
        fan.AccId, profile?.Name ?? "", string.IsNullOrEmpty(profile?.Portrait) ? null : profile.Portrait,
        fan.Since == 0 ? null : LegacyTypes.Time(fan.Since), fan.Visits.Count,
        fan.Visits.Last == 0 ? null : LegacyTypes.Time(fan.Visits.Last), fan.MessagesOn ? 1 : 0, index);
}

/// <summary>GET /shop/{sid}/fans.</summary>
public sealed record ShopFansReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("total_num")] int TotalNum,
    ImmutableArray<ShopFanWire> Fans);

/// <summary>POST /shop/{sid}/fansmessage: how many fans it went to, and the month's messages left.</summary>
public sealed record FansMessageReply(Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    [property: JsonPropertyName("total_num")] int TotalNum,
    [property: JsonPropertyName("msg_id")] long MsgId,
    [property: JsonPropertyName("mass_remain_count")] int MassRemainCount);
