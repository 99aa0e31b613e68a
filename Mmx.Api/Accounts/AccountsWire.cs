using System.Text.Json.Serialization;

namespace Mmx.Api.Accounts;

// The account routes' answers in the spec's spelling.

/// <summary>register: the new account and its first session's token (also set as the mmx_token cookie).</summary>
public sealed record RegisterReply(Err Err, long AccID, string Token);

/// <summary>login and loginex: the account, the device of the previous login, the session token; isReg for modes 4-7.</summary>
public sealed record LoginReply(Err Err, long AccID,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? IsReg, string Dev, string Token);

/// <summary>vercode: the one-use verification ticket (also set as the HttpOnly mmx_verify cookie).</summary>
public sealed record TicketReply(Err Err, string Ticket);

/// <summary>
/// /user/personal: the profile, with the QR card image (qcode) and the public card URL it encodes
/// (qrcode). city is 0 while unset; on the legacy wire null (the iOS app shows "请选择地区" only for
/// null, and "0" for 0).
/// </summary>
public sealed record ProfileWire(string Name, string Portrait, int Gender,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? City, string Phone, long Mcode, string Qcode, string Qrcode);
public sealed record ProfileReply(Err Err, ProfileWire Info);

/// <summary>A delivery address; default is 1 for the default one.</summary>
public sealed record AddressWire(long AddrID, string Name, string Phone, string Address, string Postcode, int Default)
{
    public static AddressWire Of(Grains.Accounts.Address a, long defaultId) =>
        new(a.Id, a.Name, a.Phone, a.Street, a.Postcode, a.Id == defaultId ? 1 : 0);
}
public sealed record AddressListReply(Err Err, ImmutableArray<AddressWire> AddressList);
public sealed record AddressAddedReply(Err Err, long AddrID);

/// <summary>A feedback entry; direction 1 from the user, 2 a reply; time unix seconds (legacy wire: a date string).</summary>
public sealed record FeedbackWire(string Content, [property: WireUnion(WireUnion.Integer, WireUnion.String)] object Time, int Direction);
public sealed record FeedbackListReply(Err Err, ImmutableArray<FeedbackWire> FeedList);

// GET /user/export: everything MMX holds about the caller, in the spec's names.
public sealed record ExportedProfileWire(long AccID, string Name, string Portrait, int Gender, long City, string Phone, long Mcode);
public sealed record ExportedFeedbackWire(string Content, long Time, int Direction);
public sealed record ExportedFriendWire(long UserID, string RmkName, long Time);
public sealed record ExportedInvitationWire(long Uid, string Remark, long Time);
public sealed record ExportedPrivacyWire(int FavoriteEnable, int FansEnable, int VisitEnable);
public sealed record ExportedFanShopWire(long ShopID, long Time, int MsgEnable);
public sealed record ExportedSavedGoodsWire(long GoodsID, long Time);
public sealed record ExportedVisitWire(long Id, long Time);
public sealed record ExportReply(Err Err, ExportedProfileWire Info, ImmutableArray<AddressWire> AddressList,
    ImmutableArray<ExportedFeedbackWire> FeedList, ImmutableArray<ExportedFriendWire> FriendList,
    ImmutableArray<ExportedInvitationWire> InviteList, ImmutableArray<long> InvitedList, ExportedPrivacyWire Setting,
    ImmutableArray<ExportedFanShopWire> FansList, ImmutableArray<ExportedSavedGoodsWire> GoodsList, ImmutableArray<ExportedVisitWire> ShopList);

/// <summary>/basic/phonevalidate GET: the code was sent (the web client reads is_success).</summary>
public sealed record SuccessReply(Err Err, [property: JsonPropertyName("is_success")] bool IsSuccess);

/// <summary>/basic/phonevalidate POST: the code was right; the ticket as /user/vercode answers it (also the mmx_verify cookie).</summary>
public sealed record VerifiedReply(Err Err, [property: JsonPropertyName("is_success")] bool IsSuccess, string Ticket);
