namespace Mmx.Grains.Chat;

[GenerateSerializer, Alias("mmx.chat.UserChatsState")]
public sealed record UserChatsState
{
    /// <summary>Each conversation with the last seq the user's socket was given.</summary>
    [Id(0)] public ImmutableDictionary<string, long> Rooms { get; init; } = ImmutableDictionary<string, long>.Empty;
}

/// <summary>See <see cref="IUserChatsGrain"/>.</summary>
public sealed class UserChatsGrain(
    [PersistentState(stateName: "user-chats", storageName: SiloSetup.StorageName)] IPersistentState<UserChatsState> state)
    : Grain, IUserChatsGrain
{
    private UserChatsState S => state.State;

    public Task Join(string room) =>
        S.Rooms.ContainsKey(room) || S.Rooms.Count >= IUserChatsGrain.MaxConversations
            ? Task.CompletedTask
            : Save(S.Rooms.Add(room, 0));

    public Task Drop(string room) => S.Rooms.ContainsKey(room) ? Save(S.Rooms.Remove(room)) : Task.CompletedTask;

    public Task<ImmutableDictionary<string, long>> Conversations() => Task.FromResult(S.Rooms);

    public Task Delivered(string room, long seq) =>
        S.Rooms.TryGetValue(room, out var given) && seq > given ? Save(S.Rooms.SetItem(room, seq)) : Task.CompletedTask;

    public Task Clear() => state.ClearStateAsync();

    private async Task Save(ImmutableDictionary<string, long> rooms)
    {
        state.State = S with { Rooms = rooms };
        await state.WriteStateAsync();
    }
}
