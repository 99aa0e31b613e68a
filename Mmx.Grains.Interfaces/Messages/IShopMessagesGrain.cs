namespace Mmx.Grains.Messages;

/// <summary>What a shop says to its fans, before it has an id and a time.</summary>
[GenerateSerializer, Immutable, Alias("mmx.messages.MessageDraft")]
public sealed record MessageDraft
{
    /// <summary>The longest title and content a shop's message may have (the operators' and merchants' routes check them).</summary>
    public const int MaxTitle = 64;
    public const int MaxContent = 1000;

    /// <summary><see cref="MessageKinds"/>.</summary>
    [Id(0)] public required int Kind { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string Content { get; init; }
    [Id(3)] public string Pic { get; init; } = "";
}

/// <summary>A message on its way: its id, and how many fans had messages on when it was sent.</summary>
[GenerateSerializer, Immutable, Alias("mmx.messages.PublishedMessage")]
public sealed record PublishedMessage
{
    [Id(0)] public required long MsgId { get; init; }
    [Id(1)] public required int Fans { get; init; }
}

/// <summary>
/// One per shop (key: shop id): where a shop's messages start. It stamps a message with an id, the
/// time and the shop's name and picture, and hands it to a fan-out (<see cref="IFanOutGrain"/>)
/// that delivers it in the background; the caller waits for none of the deliveries.
/// </summary>
[Alias("mmx.messages.IShopMessagesGrain")]
public interface IShopMessagesGrain : IGrainWithIntegerKey
{
    /// <summary>Sends the message to the fans whose messages are on. NotFound for an unknown shop.</summary>
    [Alias("Publish")]
    Task<Outcome<PublishedMessage>> Publish(MessageDraft draft);

    /// <summary>
    /// Sends the message to those of the listed users who are fans with messages on, delivered
    /// before the answer (a merchant's message to a few fans). NotFound for an unknown shop.
    /// </summary>
    [Alias("PublishTo")]
    Task<Outcome<PublishedMessage>> PublishTo(MessageDraft draft, ImmutableArray<long> fans);

    /// <summary>
    /// The import's automatic notice of new activities or goods (kind 2): sent unless the shop
    /// already sent one this day (Asia/Shanghai), so a shop's fans get at most one a day. Answers
    /// whether it was sent.
    /// </summary>
    [Alias("Announce")]
    Task<bool> Announce(MessageDraft draft);
}
