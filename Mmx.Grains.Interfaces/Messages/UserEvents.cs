namespace Mmx.Grains.Messages;

public enum UserEventKind
{
    /// <summary>A new inbox message (<see cref="UserEvent.Message"/>).</summary>
    Message = 1,
    /// <summary>A friend invitation or friendship changed (<see cref="UserEvent.Friend"/>).</summary>
    Friend = 2,
    /// <summary>The user entered a shop or left it (<see cref="UserEvent.ShopId"/>, 0: none): the fronts switch the stream's customer counts.</summary>
    InShop = 3,
    /// <summary>A chat socket of this user opened somewhere (<see cref="UserEvent.SocketId"/>): every other one of the account gets CHANGE_DEVICE and closes.</summary>
    ChatSocketOpened = 4,
    /// <summary>A chat message for this user's socket (<see cref="UserEvent.Chat"/>).</summary>
    ChatMessage = 5,
    /// <summary>An invitation into a chat group (<see cref="UserEvent.ChatInvitation"/>).</summary>
    ChatInvitation = 6,
}

/// <summary>Something that happened to one user, on its way to the fronts holding that user's event streams.</summary>
[GenerateSerializer, Immutable, Alias("mmx.messages.UserEvent")]
public sealed record UserEvent
{
    [Id(0)] public required UserEventKind Kind { get; init; }
    [Id(1)] public InboxEntry? Message { get; init; }
    [Id(2)] public FriendEvent? Friend { get; init; }
    [Id(3)] public long ShopId { get; init; }
    [Id(4)] public string SocketId { get; init; } = "";
    [Id(5)] public Chat.ChatDelivery? Chat { get; init; }
    [Id(6)] public Chat.ChatInvitation? ChatInvitation { get; init; }
    /// <summary>A chat socket's place in the order its account's sockets opened: only a later one makes an earlier one give way.</summary>
    [Id(7)] public long SocketSeq { get; init; }

    public static UserEvent Of(InboxEntry message) => new() { Kind = UserEventKind.Message, Message = message };
    public static UserEvent Of(FriendEvent friend) => new() { Kind = UserEventKind.Friend, Friend = friend };
    public static UserEvent InShop(long shopId) => new() { Kind = UserEventKind.InShop, ShopId = shopId };
    public static UserEvent ChatSocket(string socketId, long seq) => new() { Kind = UserEventKind.ChatSocketOpened, SocketId = socketId, SocketSeq = seq };
    public static UserEvent Of(Chat.ChatDelivery chat) => new() { Kind = UserEventKind.ChatMessage, Chat = chat };
    public static UserEvent Of(Chat.ChatInvitation invitation) => new() { Kind = UserEventKind.ChatInvitation, ChatInvitation = invitation };
}

public static class FriendEventTypes
{
    public const string Invite = "invite";
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string Remove = "remove";
}

/// <summary>The other user did <see cref="Type"/> (<see cref="FriendEventTypes"/>) to this one.</summary>
[GenerateSerializer, Immutable, Alias("mmx.messages.FriendEvent")]
public sealed record FriendEvent
{
    [Id(0)] public required string Type { get; init; }
    [Id(1)] public required long Uid { get; init; }
    [Id(2)] public string NickName { get; init; } = "";
    /// <summary>The other user's portrait URL (filled in with the nickname by the events grain).</summary>
    [Id(3)] public string Portrait { get; init; } = "";
    /// <summary>An invitation's remark.</summary>
    [Id(4)] public string Remark { get; init; } = "";
    /// <summary>When it happened (unix seconds).</summary>
    [Id(5)] public long Time { get; init; }
}

/// <summary>What an inbox holds after a sequence number: for a stream that resumes.</summary>
[GenerateSerializer, Immutable, Alias("mmx.messages.InboxCatchUp")]
public sealed record InboxCatchUp
{
    /// <summary>The inbox's newest sequence number (0: it never had a message).</summary>
    [Id(0)] public long LastSeq { get; init; }
    /// <summary>The kept messages after the asked one, oldest first.</summary>
    [Id(1)] public ImmutableArray<InboxEntry> Entries { get; init; } = [];
}
