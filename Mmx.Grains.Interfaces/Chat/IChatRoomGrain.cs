namespace Mmx.Grains.Chat;

/// <summary>
/// One chat room (key: its <see cref="ChatRoomName"/>): who is in it and its newest 1,000 messages,
/// stored in pages (<see cref="IChatPageGrain"/>) so that a message writes one page, not the whole
/// history. Only members send or read (Forbidden otherwise): a shop room's members are the users who
/// entered it (entering counts as being in the shop; kept while renewed), a pair room's are its two
/// users while they are friends, a group's are its creator and those who accepted its invitation.
/// A message is stored before it is answered, so one the sender saw echoed survives a silo's death.
/// </summary>
[Alias("mmx.chat.IChatRoomGrain")]
public interface IChatRoomGrain : IGrainWithStringKey
{
    public const int Kept = 1000;
    public const int MaxMembers = 100;

    /// <summary>Enters (or stays in, renewing) the room: a shop room counts the user in the shop; NotFound for an unknown shop; Forbidden when not a member.</summary>
    [Alias("Enter")]
    Task<Err> Enter(long user);

    /// <summary>Leaves: a shop room for now, a group for good (its owner's leaving leaves it without one). Idempotent.</summary>
    [Alias("Leave")]
    Task Leave(long user);

    /// <summary>Stores a member's message and hands it to every other member; answers it as stored (its seq and time).</summary>
    [Alias("Send")]
    Task<Outcome<ChatMessage>> Send(long user, ChatDraft draft);

    /// <summary>Up to <paramref name="limit"/> messages sent before <paramref name="beforeMs"/> (0: now), oldest first.</summary>
    [Alias("History")]
    Task<Outcome<ImmutableArray<ChatMessage>>> History(long user, long beforeMs, int limit);

    /// <summary>The newest messages after <paramref name="afterSeq"/>, at most <paramref name="max"/>, oldest first (a socket catching up).</summary>
    [Alias("Since")]
    Task<Outcome<ImmutableArray<ChatMessage>>> Since(long user, long afterSeq, int max);

    /// <summary>The room's name, picture, owner and members (members only).</summary>
    [Alias("Info")]
    Task<Outcome<ChatRoomInfo>> Info(long user);

    /// <summary>The group's owner sets its name and picture (null: unchanged).</summary>
    [Alias("SetInfo")]
    Task<Err> SetInfo(long user, string? name, string? pic);

    /// <summary>
    /// Makes the group (first call, by its creator) or invites more users into it (by a member):
    /// each is sent an INVITE and becomes a member on <see cref="Accept"/>. LimitReached past 100
    /// members with the invited; Forbidden for a non-member. Answers the creator then the invited.
    /// </summary>
    [Alias("Invite")]
    Task<Outcome<ImmutableArray<long>>> Invite(long by, ImmutableArray<long> users);

    /// <summary>An invited user joins the group; Forbidden without an invitation.</summary>
    [Alias("Accept")]
    Task<Err> Accept(long user);
}
