namespace Mmx.Api.ShopLife;

public sealed record ShopIdsRequest(List<long>? ShopIDs);

public sealed record GoodsIdsRequest(List<long>? GoodsIDs);

public sealed record MessageSettingRequest(long? ShopID, [property: System.Text.Json.Serialization.JsonConverter(typeof(SwitchConverter))] int? MsgEnable);
