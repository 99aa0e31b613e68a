namespace Mmx.Api.Messages;

/// <summary>/admin/shop/message: the shop and what it says (pic optional).</summary>
public sealed record ShopMessageRequest(long? Sid, string? Title, string? Content, string? Pic);

/// <summary>/user/message/read: these messages, or with all=1 every one.</summary>
public sealed record MarkReadRequest(List<long>? MsgIDs, [property: System.Text.Json.Serialization.JsonConverter(typeof(SwitchConverter))] int? All);
