namespace Mmx.Grains.Social;

/// <summary>
/// One per account (key: accID): the user's friend list (with remark names), the invitations they
/// received, their privacy settings and their allowance of bulk phone look-ups. Friend entries are
/// written by <see cref="IFriendshipGrain"/> in two steps (tentative, then confirmed); a tentative
/// entry is settled by asking the pair's grain whenever the list is read.
/// </summary>
[Alias("mmx.social.IUserSocialGrain")]
public interface IUserSocialGrain : IGrainWithIntegerKey
{
    /// <summary>The friends, oldest friendship first.</summary>
    [Alias("Friends")]
    Task<ImmutableArray<Friend>> Friends();

    /// <summary>Sets the remark name for a friend: Forbidden when not a friend.</summary>
    [Alias("SetRemark")]
    Task<Err> SetRemark(long friendId, string remark);

    [Alias("Invitations"), ReadOnly]
    Task<ImmutableArray<Invitation>> Invitations();

    [Alias("GetPrivacy"), ReadOnly]
    Task<PrivacySettings> GetPrivacy();

    /// <summary>Sets the given switches, keeping the others as they are now.</summary>
    [Alias("ChangePrivacy")]
    Task ChangePrivacy(PrivacyChange change);

    /// <summary>
    /// Takes one bulk look-up of <paramref name="numbers"/> phone numbers from the user's
    /// allowance (a few a minute, and a number of phone numbers a day); TooManyRequests when
    /// either is used up.
    /// </summary>
    [Alias("TryTakeBulkLookup")]
    Task<Err> TryTakeBulkLookup(int numbers);

    /// <summary>
    /// Takes one friend invitation from the user's allowance of the day; TooManyRequests when it is
    /// used up. An invitation by phone (<paramref name="phone"/>, member or not) also takes that
    /// number from the day's smaller allowance of numbers (the same number again is free).
    /// </summary>
    [Alias("TryTakeInvitationOf")]
    Task<Err> TryTakeInvitation(string? phone);

    // Steps of the pair grain's changes; idempotent.

    [Alias("AddInvitation")]
    Task AddInvitation(Invitation invitation);

    [Alias("RemoveInvitation")]
    Task RemoveInvitation(long from);

    /// <summary>Notes an invitation this user sent (so that erasing the account can withdraw it). Idempotent.</summary>
    [Alias("NoteSent")]
    Task NoteSent(long to);

    /// <summary>
    /// Keeps an answer to one of this user's invitations (an accept or a decline event) until the
    /// user's chat socket was given it (<see cref="AnswersSeen"/>); the newest 100 are kept, one per
    /// answering user. Idempotent.
    /// </summary>
    [Alias("NoteAnswer")]
    Task NoteAnswer(Messages.FriendEvent answer);

    /// <summary>The answers the chat socket was not given yet, oldest first.</summary>
    [Alias("UnseenAnswers"), ReadOnly]
    Task<ImmutableArray<Messages.FriendEvent>> UnseenAnswers();

    /// <summary>The chat socket was given the answers of these users (live or on connect).</summary>
    [Alias("AnswersSeen")]
    Task AnswersSeen(ImmutableArray<long> fromUsers);

    /// <summary>The users this user invited (a hint: some may have answered since), for erasing the account.</summary>
    [Alias("Sent"), ReadOnly]
    Task<ImmutableArray<long>> Sent();

    /// <summary>Deletes this grain's stored state (its friendships and invitations were ended by the caller first).</summary>
    [Alias("Clear")]
    Task Clear();

    /// <summary>Adds a tentative entry for a friendship about to be made.</summary>
    [Alias("Prepare")]
    Task Prepare(long friendId);

    /// <summary>Marks an entry as a made friendship.</summary>
    [Alias("Confirm")]
    Task Confirm(long friendId);

    /// <summary>Marks an entry tentative for a friendship about to end.</summary>
    [Alias("Demote")]
    Task Demote(long friendId);

    /// <summary>Drops an ended friendship's entry.</summary>
    [Alias("Remove")]
    Task Remove(long friendId);
}
