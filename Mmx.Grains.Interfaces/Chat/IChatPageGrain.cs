namespace Mmx.Grains.Chat;

/// <summary>Fifty consecutive messages of one room (key: "{room}#{page}"), stored as one state.</summary>
[Alias("mmx.chat.IChatPageGrain")]
public interface IChatPageGrain : IGrainWithStringKey
{
    public const int Size = 50;

    /// <summary>Adds the message unless the page has its seq. Idempotent.</summary>
    [Alias("Append")]
    Task Append(ChatMessage message);

    [Alias("Read"), ReadOnly]
    Task<ImmutableArray<ChatMessage>> Read();

    [Alias("Clear")]
    Task Clear();
}
