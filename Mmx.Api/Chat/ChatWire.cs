using System.Text.Json.Serialization;

namespace Mmx.Api.Chat;

// The chat server's HTTP answers: the original's fields (REST_api.py) as the apps read them, with
// the contract's err beside them (and `error`, which the iOS app reads after changing a room).

/// <summary><c>/chat/room/{gname}/info</c>: <c>name</c>/<c>pic</c> as the contract names them, <c>roomName</c>/<c>roomImg</c> as the original did.</summary>
public sealed record ChatRoomInfoReply(
    Err Err,
    [property: JsonPropertyName("error")] int Error,
    string Gname,
    string Name,
    string Pic,
    long Owner,
    string RoomName,
    string RoomImg,
    ImmutableArray<string> Users);

/// <summary>A room's new name or picture: either spelling; absent or empty leaves it.</summary>
public sealed record ChatRoomChange(string? Name, string? Pic, string? RoomName, string? RoomImg);

/// <summary><c>/chat/user/{id}/info</c>: a user's public card (or a shop's name and picture) for a chat screen.</summary>
public sealed record ChatUserInfoReply(Err Err, long UserId, string Name, string Img);

/// <summary><c>/chat/shops/usernum</c>: the live count of the first shop, and of each asked.</summary>
public sealed record ChatShopsUserNumReply(
    Err Err,
    [property: JsonPropertyName("is_success")] bool IsSuccess,
    long Usernum,
    [property: JsonPropertyName("shop_dict")] IReadOnlyDictionary<string, long> ShopDict);
