using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Accounts;
using Mmx.Grains.Social;

namespace Mmx.Api.Social;

/// <summary>
/// Friendships: /user/friend/invite (POST invite, GET received), /user/friend/accept,
/// DELETE /user/friend, /user/friend/diff, /user/friend?uid=, /user/friend/name.
/// </summary>
public static class FriendsApi
{
    public const int MaxRemarkLength = 32;

    public static IEndpointRouteBuilder MapFriendsApi(this IEndpointRouteBuilder app)
    {
        var user = app.MapGroup("/user/friend").WithTags("Friends").RequireSession();
        // A look-up of another user (by phone, mcode or id): under the look-up limits, and a daily allowance.
        user.MapPost("/invite", Invite).WithBody<InviteRequest>().WithSummary("Invite by phone (mode 1), mcode (2) or user id (3), with a remark")
            .RequireRateLimiting(Operations.RateLimits.Lookup);
        user.MapGet("/invite", Invitations).WithSummary("The invitations you received");
        user.MapPost("/accept", Accept).WithSummary("Accept ?uid='s invitation (accept=0 declines it)")
            .WithQuery(QueryDocs.Id("uid", "the inviter"), QueryDocs.Switch("accept", "1 (or absent) accepts, 0 declines"));
        user.MapDelete("", Unfriend).WithSummary("End the friendship with ?uid= on both sides").WithQuery(QueryDocs.Id("uid", "the friend"));
        user.MapPost("/diff", Diff).WithBody<FriendIdsRequest>().WithSummary("What to add to and delete from the client's friend list");
        user.MapGet("", Info).WithSummary("Friends' details for ?uid= (friends only)").WithQuery(QueryDocs.Ids("uid", "the friends"));
        user.MapPost("/name", Rename).WithBody<FriendNameRequest>().WithSummary("Set your remark name for a friend");
        return app;
    }

    private static IFriendshipGrain Pair(IGrainFactory grains, long a, long b) => grains.GetGrain<IFriendshipGrain>(FriendshipKey.Of(a, b));

    private static async Task<InviteReply> Invite(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var me = context.AccId();
        var body = await JsonBody.Read<InviteRequest>(context.Request);
        var remark = Text.SingleLine(body.Remark?.Trim(), "remark", 0, MaxRemarkLength);
        if (body.Mode is < 1 or > 3) throw ApiException.BadRequest("mode must be 1 (phone), 2 (mcode) or 3 (user id)");
        var phone = body.Mode == 1 ? Phone.Required(body.Phone) : null;
        await PhoneInvitations.Take(grains, me, phone);
        if (phone is not null)
        {
            await PhoneInvitations.ByPhone(grains, me, phone, remark);
            return new(Err.Ok, Sms: 1);
        }
        // Mode 2 takes what login mode 1 takes: an mcode, or "m" + a user id (the iOS stranger page's rule).
        var target = body.Mode == 2
            ? await AccountNumber.Resolve(grains, known, body.Mcode, "mcode", checkExists: true)
            : await ExistingUser(known, body.UserID);
        if (target is not { } other) throw ApiException.NotFound("user");
        await PhoneInvitations.User(grains, me, other, remark);
        return new(Err.Ok, Sms: null);
    }

    private static async Task<long?> ExistingUser(KnownIds known, long? id) =>
        BodyId.Required(id, "userID") is var given && await known.IsAccount(given) ? given : null;

    private static async Task<InvitationsReply> Invitations(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var invitations = await grains.Own<IUserSocialGrain>(context).Invitations();
        var profiles = await UserCards.Profiles(grains, known, invitations.Select(i => i.From));
        return new(Err.Ok, [.. invitations.Where(i => profiles.ContainsKey(i.From)).Select(i =>
            new InvitationWire(i.From, profiles[i.From].Name, profiles[i.From].Portrait, i.Remark, i.Time))]);
    }

    private static async Task<OkReply> Accept(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var me = context.AccId();
        var inviter = context.Request.Query.RequiredId("uid");
        if (inviter == me) throw ApiException.BadRequest("uid is yourself");
        // An id no account can have is answered from memory, without a pair grain.
        if (!await known.MayBeAccount(inviter)) throw ApiException.NotFound("invitation");
        // accept=0 (as the shipped app sends it) declines; absent or 1 accepts.
        var accept = context.Request.Query.OptionalSwitch("accept") ?? true;
        var pair = Pair(grains, me, inviter);
        var err = accept ? await pair.Accept(me, inviter) : await pair.Decline(me, inviter);
        return err == Err.NotFound ? throw ApiException.NotFound("invitation") : ApiResults.Done(err);
    }

    private static async Task<OkReply> Unfriend(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var me = context.AccId();
        var other = context.Request.Query.RequiredId("uid");
        var err = other == me || !await known.MayBeAccount(other) ? Err.NotFound : await Pair(grains, me, other).Unfriend(me, other);
        return err == Err.NotFound ? throw ApiException.NotFound("friendship") : ApiResults.Done(err);
    }

    private static async Task<FriendsDiffReply> Diff(HttpContext context, IGrainFactory grains)
    {
        var local = LocalIds.Checked((await JsonBody.Read<FriendIdsRequest>(context.Request)).FrdIDs, "frdIDs");
        var friends = await grains.Own<IUserSocialGrain>(context).Friends();
        var (add, delete) = LocalIds.Diff(friends.Select(f => f.FriendId), local);
        return new(Err.Ok, add, delete);
    }

    private static async Task<FriendsReply> Info(HttpContext context, IGrainFactory grains, KnownIds known)
    {
        var asked = context.Request.Query.IdList("uid");
        var friends = (await grains.Own<IUserSocialGrain>(context).Friends()).ToDictionary(f => f.FriendId);
        if (asked.FirstOrDefault(uid => !friends.ContainsKey(uid)) is var stranger and > 0)
            throw ApiException.Forbidden($"user {stranger} is not your friend");
        var profiles = await UserCards.Profiles(grains, known, asked);
        return new(Err.Ok, [.. asked.Where(profiles.ContainsKey).Select(uid =>
            new FriendWire(uid, friends[uid].Remark, profiles[uid].Name, profiles[uid].Mcode, profiles[uid].Portrait))]);
    }

    private static async Task<OkReply> Rename(HttpContext context, IGrainFactory grains)
    {
        var body = await JsonBody.Read<FriendNameRequest>(context.Request);
        var friend = BodyId.Required(body.FrdID, "frdID");
        var remark = Text.SingleLine(body.RmkName?.Trim(), "rmkName", 0, MaxRemarkLength);
        var err = await grains.Own<IUserSocialGrain>(context).SetRemark(friend, remark);
        return err == Err.Forbidden ? throw ApiException.Forbidden("not your friend") : ApiResults.Done(err);
    }
}
