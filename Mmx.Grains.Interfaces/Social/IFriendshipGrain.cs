namespace Mmx.Grains.Social;

/// <summary>
/// One per pair of users (key: <see cref="FriendshipKey.Of"/>): the single truth of whether they
/// are friends or one invited the other. Changes are made in steps that are idempotent and that a
/// retry completes; both users' friend lists agree with this grain at every moment a client can
/// observe (see docs/decisions.md, "Friends").
/// </summary>
[Alias("mmx.social.IFriendshipGrain")]
public interface IFriendshipGrain : IGrainWithStringKey
{
    /// <summary>
    /// An invitation from one user to the other: Ok (a mutual invitation makes friends at once),
    /// AlreadyExists when they are friends.
    /// </summary>
    [Alias("Invite")]
    Task<Err> Invite(long from, long to, string remark);

    /// <summary>Declines the inviter's invitation: it is gone and nobody became a friend. NotFound without one.</summary>
    [Alias("Decline")]
    Task<Err> Decline(long decliner, long inviter);

    /// <summary>Accepts the inviter's invitation: Ok (also when already friends), NotFound without one.</summary>
    [Alias("Accept")]
    Task<Err> Accept(long acceptor, long inviter);

    /// <summary>Ends the friendship on both sides: Ok, or NotFound when they are not friends.</summary>
    [Alias("Unfriend")]
    Task<Err> Unfriend(long by, long other);

    /// <summary>The stored status; answers at once, even while a change is under way.</summary>
    [Alias("Status"), AlwaysInterleave]
    Task<FriendshipStatus> Status();
}
