using Mmx.Api.Lookups;
using Mmx.Grains.Accounts;
using Mmx.Grains.Social;

namespace Mmx.Api.Access;

/// <summary>The contract's privacy rules, in one place (docs/api-contract.md, "Social").</summary>
public static class FriendAccess
{
    public static async Task<bool> AreFriends(IGrainFactory grains, long a, long b) =>
        await grains.GetGrain<IFriendshipGrain>(FriendshipKey.Of(a, b)).Status()
            is FriendshipStatus.Friends or FriendshipStatus.Unfriending;

    /// <summary>Friend-only reads: oneself, or a friend; err 3 for anyone else, err 4 for nobody.</summary>
    public static async Task RequireFriend(IGrainFactory grains, KnownIds known, long me, long uid)
    {
        if (uid == me) return;
        if (!await known.IsAccount(uid)) throw ApiException.NotFound("user");
        if (!await AreFriends(grains, me, uid)) throw ApiException.Forbidden("only friends may see this");
    }

    /// <summary>A friend's list behind a privacy switch: err 3 when the friend switched it off.</summary>
    public static async Task RequireShared(IGrainFactory grains, KnownIds known, long me, long uid, Func<PrivacySettings, bool> shared)
    {
        await RequireFriend(grains, known, me, uid);
        if (uid != me && !shared(await grains.GetGrain<IUserSocialGrain>(uid).GetPrivacy()))
            throw ApiException.Forbidden("your friend keeps this private");
    }

    /// <summary>/userweb/{uid}/... routes act for the logged-in user only.</summary>
    public static long RequireSelf(string uid, long me) =>
        QueryReader.ParseId(uid, "uid") == me ? me : throw ApiException.Forbidden("only for your own account");
}
