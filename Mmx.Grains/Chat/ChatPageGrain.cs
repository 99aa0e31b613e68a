namespace Mmx.Grains.Chat;

[GenerateSerializer, Alias("mmx.chat.ChatPageState")]
public sealed record ChatPageState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public ImmutableArray<ChatMessage> Messages { get; init; } = [];
}

/// <summary>See <see cref="IChatPageGrain"/>: a page's messages are stored together, at most 50, so a message costs one small write.</summary>
public sealed class ChatPageGrain(
    [PersistentState(stateName: "chat-page", storageName: SiloSetup.StorageName)] IPersistentState<ChatPageState> state)
    : Grain, IChatPageGrain
{
    public async Task Append(ChatMessage message)
    {
        if (state.State.Messages.Any(m => m.Seq == message.Seq)) return;
        state.State = new ChatPageState { Messages = state.State.Messages.Add(message) };
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<ChatMessage>> Read() => Task.FromResult(state.State.Messages);

    public async Task Clear()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }
}
