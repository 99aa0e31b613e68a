using Mmx.Api.Lookups;
using Mmx.Grains.Accounts;
using Mmx.Grains.Social;

namespace Mmx.Api.Social;

/// <summary>
/// Friend invitations (by phone, mcode or id) as /user/friend/invite and /userweb/sendinvite2 make
/// them. By phone, a member and a number without an account are answered alike (err 0, "sms": 1):
/// the member gets the invitation, the stranger's number an SMS invitation that waits for its
/// sign-up, and nothing in the answer tells which (docs/decisions.md, "Invitations of non-members").
/// </summary>
public static class PhoneInvitations
{
    /// <summary>
    /// Takes the invitation from the inviter's allowances before anything is looked up: probing
    /// numbers costs the allowance whatever they turn out to be.
    /// </summary>
    public static async Task Take(IGrainFactory grains, long me, string? phone)
    {
        if (await grains.GetGrain<IUserSocialGrain>(me).TryTakeInvitation(phone) is not Err.Ok and var spent)
            throw new ApiException(spent, "too many invitations today; try again tomorrow");
    }

    /// <summary>Invites the number's account, or has the invitation kept (and an SMS sent) for a number without one.</summary>
    public static async Task ByPhone(IGrainFactory grains, long me, string phone, string remark)
    {
        if (await grains.GetGrain<IPhoneGrain>(phone).Invite(me, remark) is { } owner) await User(grains, me, owner, remark);
    }

    public static async Task User(IGrainFactory grains, long me, long other, string remark)
    {
        if (other == me) throw ApiException.BadRequest("you cannot invite yourself");
        var err = await grains.GetGrain<IFriendshipGrain>(FriendshipKey.Of(me, other)).Invite(me, other, remark);
        if (err == Err.AlreadyExists) throw new ApiException(err, "you are friends already");
        err.OrFail();
    }
}
