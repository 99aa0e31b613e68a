using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mmx.Api.Social;

// The v2 social routes' answers (snake_case, as the spec's version 2 spells them).

/// <summary>A user as the v2 routes show one; phone (and email) only to friends.</summary>
public sealed record FriendCard(
    [property: JsonPropertyName("friend_id")] long FriendId,
    [property: JsonPropertyName("friend_name")] string FriendName,
    int Gender,
    long Mcode,
    string Qrcode,
    [property: JsonPropertyName("phone_no")] string PhoneNo,
    string Email,
    [property: JsonPropertyName("portrait_url")] string PortraitUrl,
    [property: JsonPropertyName("city_id")] long CityId,
    [property: JsonPropertyName("city_name")] string CityName,
    string Name,
    string Birthday);

/// <summary>Friends grouped by the initial of their display name ("#" for the rest).</summary>
public sealed record FriendsV2Reply(Err Err, [property: JsonPropertyName("total_num")] int TotalNum,
    Dictionary<string, List<FriendCard>> Friends);

/// <summary>
/// A found user. portrait_url is the URL at the top level (the spec) and a list of it in users (the
/// web chat page shows <c>portrait_url[0]</c>, the original's list of pictures).
/// </summary>
public sealed record SearchedUser(
    [property: JsonPropertyName("user_id")] long UserId,
    string Name,
    int Gender,
    string Birthday,
    long Mcode,
    string Qrcode,
    [property: JsonPropertyName("phone_no")] string PhoneNo,
    string Email,
    [property: JsonPropertyName("portrait_url"), WireUnion(WireUnion.String, WireUnion.Array)] object PortraitUrl,
    [property: JsonPropertyName("city_id")] long CityId,
    [property: JsonPropertyName("city_name")] string CityName);

/// <summary>The user's fields at the top level (the spec) and as the one item of users (the web client).</summary>
public sealed record SearchAnswer([property: JsonIgnore] SearchedUser User, ImmutableArray<SearchedUser> Users)
{
    public Err Err => Err.Ok;
    [JsonPropertyName("user_id")] public long UserId => User.UserId;
    public string Name => User.Name;
    public int Gender => User.Gender;
    public string Birthday => User.Birthday;
    public long Mcode => User.Mcode;
    public string Qrcode => User.Qrcode;
    [JsonPropertyName("phone_no")] public string PhoneNo => User.PhoneNo;
    public string Email => User.Email;
    [JsonPropertyName("portrait_url")] public string PortraitUrl => (string)User.PortraitUrl;
    [JsonPropertyName("city_id")] public long CityId => User.CityId;
    [JsonPropertyName("city_name")] public string CityName => User.CityName;
}

/// <summary>A v2 change that succeeded.</summary>
public sealed record SuccessV2Reply(Err Err, [property: JsonPropertyName("is_success")] bool IsSuccess);

/// <summary>
/// /userweb/sendinvite2's answer: <c>des</c> is the text the iOS app puts into its SMS composer
/// (it opens the composer only when <c>des</c> is there), so its user may also send it themselves.
/// </summary>
public sealed record SendInviteReply(Err Err, [property: JsonPropertyName("is_success")] bool IsSuccess, int Sms, string Des);

/// <summary>The phone book's entries, as sent, in three classes.</summary>
public sealed record PhoneBookClasses
{
    public Err Err => Err.Ok;
    [JsonPropertyName("platform_friend")] public List<JsonElement> PlatformFriend { get; } = [];
    [JsonPropertyName("platform_notfriend")] public List<JsonElement> PlatformNotFriend { get; } = [];
    [JsonPropertyName("notplatform")] public List<JsonElement> NotPlatform { get; } = [];
}
