using System.Text.Json.Serialization;

namespace Mmx.Api.Social;

// The friends routes' answers in the spec's spelling (the v2 ones are in SocialV2Api.cs).

/// <summary>An invitation made; <c>sms</c> 1 on every invitation by phone, member or not (the contract's non-member invitations).</summary>
public sealed record InviteReply(Err Err, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Sms);

public sealed record InvitationWire(long Uid, string NickName, string Portrait, string Remark, long Time);
public sealed record InvitationsReply(Err Err, ImmutableArray<InvitationWire> InviteList);

public sealed record FriendsDiffReply(Err Err, long[] AddFrdIDs, long[] DelFrdIDs);

public sealed record FriendWire(long FrdID, string RmkName, string NickName, long Mcode, string Portrait);
public sealed record FriendsReply(Err Err, ImmutableArray<FriendWire> FrdList);

/// <summary>What friends may see: 1 shared, 0 kept to oneself.</summary>
public sealed record PrivacyWire(int FavoriteEnable, int FansEnable, int VisitEnable)
{
    public static PrivacyWire Of(Grains.Social.PrivacySettings p) => new(p.FavoriteEnable ? 1 : 0, p.FansEnable ? 1 : 0, p.VisitEnable ? 1 : 0);
}
public sealed record PrivacyReply(Err Err, PrivacyWire Setting);

/// <summary>A friend's saved goods item; the spec spells the description "desc" here; prices as strings on the legacy wire.</summary>
public sealed record FriendGoodsWire(long Id, string Desc,
    [property: WireUnion(WireUnion.Number, WireUnion.String)] object Price,
    [property: WireUnion(WireUnion.Number, WireUnion.String)] object Promot, string Pic);
public sealed record FriendGoodsReply(Err Err, ImmutableArray<FriendGoodsWire> GoodsList);

public sealed record FriendFanShopWire(long Id, string Name, int HasAct, int HasNew, string Pic);
public sealed record FriendFanShopsReply(Err Err, ImmutableArray<FriendFanShopWire> ShopList);

public sealed record FriendVisitWire(long Id, string Name, string Pic, [property: WireUnion(WireUnion.Integer, WireUnion.String)] object Time);
public sealed record FriendVisitsReply(Err Err, ImmutableArray<FriendVisitWire> ShopList);

public sealed record UserCardWire(long UserID, string NickName, string City, string Portrait);
public sealed record UserCardsReply(Err Err, ImmutableArray<UserCardWire> UserList);
