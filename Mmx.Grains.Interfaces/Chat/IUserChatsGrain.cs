namespace Mmx.Grains.Chat;

/// <summary>
/// One per account (key: accID): the conversations (pair rooms and groups) the user belongs to and
/// how far its chat socket was given each, so that a socket that reconnects gets what was said
/// meanwhile (the newest 200 of each) and nothing twice.
/// </summary>
[Alias("mmx.chat.IUserChatsGrain")]
public interface IUserChatsGrain : IGrainWithIntegerKey
{
    public const int MaxConversations = 500;

    /// <summary>The user is in this conversation (idempotent).</summary>
    [Alias("Join")]
    Task Join(string room);

    [Alias("Drop")]
    Task Drop(string room);

    /// <summary>Each conversation with the last seq the user's socket was given.</summary>
    [Alias("Conversations"), ReadOnly]
    Task<ImmutableDictionary<string, long>> Conversations();

    /// <summary>The socket was given the room's messages up to <paramref name="seq"/>.</summary>
    [Alias("Delivered")]
    Task Delivered(string room, long seq);

    /// <summary>Deletes it (the account is being erased).</summary>
    [Alias("Clear")]
    Task Clear();
}
