namespace Mmx.Grains.Messages;

public static class MessageKinds
{
    /// <summary>A message the shop (its operator) wrote.</summary>
    public const int ShopMessage = 1;
    /// <summary>The automatic notice of a shop's new activity or goods.</summary>
    public const int ShopNews = 2;
}

/// <summary>A message from a shop to its fans, as every inbox keeps it.</summary>
[GenerateSerializer, Immutable, Alias("mmx.messages.ShopMessage")]
public sealed record ShopMessage
{
    /// <summary>Unique across the service (<see cref="IMessageIdGrain"/>): what makes a delivery idempotent.</summary>
    [Id(0)] public required long MsgId { get; init; }
    [Id(1)] public required int Kind { get; init; }
    [Id(2)] public required long ShopId { get; init; }
    [Id(3)] public string ShopName { get; init; } = "";
    [Id(4)] public string ShopPic { get; init; } = "";
    [Id(5)] public required string Title { get; init; }
    [Id(6)] public required string Content { get; init; }
    [Id(7)] public string Pic { get; init; } = "";
    /// <summary>Unix seconds.</summary>
    [Id(8)] public required long Time { get; init; }
}

/// <summary>A message in one user's inbox: its place in that inbox (<see cref="Seq"/>, rising) and whether it was read.</summary>
[GenerateSerializer, Immutable, Alias("mmx.messages.InboxEntry")]
public sealed record InboxEntry
{
    [Id(0)] public required long Seq { get; init; }
    [Id(1)] public required ShopMessage Message { get; init; }
    [Id(2)] public bool Read { get; init; }
}

[GenerateSerializer, Immutable, Alias("mmx.messages.InboxPage")]
public sealed record InboxPage
{
    [Id(0)] public ImmutableArray<InboxEntry> Items { get; init; } = [];
    [Id(1)] public int Total { get; init; }
    [Id(2)] public int Unread { get; init; }
}

/// <summary>How far a message's delivery to the shop's fans has got.</summary>
[GenerateSerializer, Immutable, Alias("mmx.messages.FanOutProgress")]
public sealed record FanOutProgress
{
    [Id(0)] public int Delivered { get; init; }
    [Id(1)] public bool Done { get; init; }
}
