using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mmx.Api.Social;

public sealed record InviteRequest(
    int? Mode,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Mcode,
    long? UserID,
    string? Remark);

public sealed record FriendIdsRequest(List<long>? FrdIDs);

public sealed record FriendNameRequest(long? FrdID, string? RmkName);

public sealed record PrivacyRequest(
    [property: JsonConverter(typeof(SwitchConverter))] int? FavoriteEnable,
    [property: JsonConverter(typeof(SwitchConverter))] int? FansEnable,
    [property: JsonConverter(typeof(SwitchConverter))] int? VisitEnable);

public sealed record RemarkV2Request([property: JsonPropertyName("friend_id")] long? FriendId, string? Remark);

/// <summary>
/// /userweb/selectphones: the caller's number and their phone book. Entries stay as sent (string
/// or number), so each comes back in the list it was classified into exactly as the client gave it.
/// </summary>
public sealed record SelectPhonesRequest(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    [property: JsonPropertyName("phone_list")] List<JsonElement>? PhoneList);

/// <summary>
/// /userweb/sendinvite2 as the iOS phone-book page sends it (<c>{"phone"}</c>; the original also
/// took the contact's <c>name</c> and a <c>remark</c>). The name is not used: nothing a user typed
/// goes out by SMS.
/// </summary>
public sealed record SendInviteRequest(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Phone,
    string? Name,
    string? Remark);
