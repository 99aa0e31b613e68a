namespace Mmx.Grains.Chat;

/// <summary>A goods item, shop or activity shown as a card in a chat (the apps' <c>mmx/goods</c>, <c>mmx/shop</c>, <c>mmx/act</c>).</summary>
[GenerateSerializer, Immutable, Alias("mmx.chat.ChatCard")]
public sealed record ChatCard
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public string Img { get; init; } = "";
}

/// <summary>What a member sends: a kind and either a text (a message, or an image or voice URL) or a card.</summary>
[GenerateSerializer, Immutable, Alias("mmx.chat.ChatDraft")]
public sealed record ChatDraft
{
    /// <summary>As the apps name it: <c>text</c>, <c>img</c>, <c>voice</c> (and their MIME-like spellings), <c>mmx/goods</c>, <c>mmx/shop</c>, <c>mmx/act</c>.</summary>
    [Id(0)] public required string Kind { get; init; }
    [Id(1)] public string Text { get; init; } = "";
    [Id(2)] public ChatCard? Card { get; init; }
}

/// <summary>A stored chat message: its place in the room, who sent it and when (set by the room).</summary>
[GenerateSerializer, Immutable, Alias("mmx.chat.ChatMessage")]
public sealed record ChatMessage
{
    /// <summary>1, 2, ... within its room.</summary>
    [Id(0)] public required long Seq { get; init; }
    [Id(1)] public required long Sender { get; init; }
    /// <summary>Unix milliseconds.</summary>
    [Id(2)] public required long TimeMs { get; init; }
    [Id(3)] public required ChatDraft Draft { get; init; }
}

/// <summary>A room's name, picture, owner and members, as its members see them.</summary>
[GenerateSerializer, Immutable, Alias("mmx.chat.ChatRoomInfo")]
public sealed record ChatRoomInfo
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public string Pic { get; init; } = "";
    /// <summary>The group's creator (0: a shop room or a conversation of two).</summary>
    [Id(2)] public long Owner { get; init; }
    [Id(3)] public ImmutableArray<long> Members { get; init; } = [];
}

/// <summary>A new chat message on its way to a member's socket (through the member's events grain).</summary>
[GenerateSerializer, Immutable, Alias("mmx.chat.ChatDelivery")]
public sealed record ChatDelivery
{
    [Id(0)] public required string Room { get; init; }
    [Id(1)] public required ChatMessage Message { get; init; }
}

/// <summary>An invitation into a group, on its way to each invited user's socket.</summary>
[GenerateSerializer, Immutable, Alias("mmx.chat.ChatInvitation")]
public sealed record ChatInvitation
{
    [Id(0)] public required string Room { get; init; }
    /// <summary>The creator first, then the invited users (the original's INVITE).</summary>
    [Id(1)] public ImmutableArray<long> Users { get; init; } = [];
}
