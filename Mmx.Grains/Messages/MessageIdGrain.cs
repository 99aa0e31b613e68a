namespace Mmx.Grains.Messages;

[GenerateSerializer, Alias("mmx.messages.MessageIdState")]
public sealed record MessageIdState
{
    [Id(0)] public long ReservedUpTo { get; init; }
}

/// <summary>Ids in blocks reserved in storage, as accIDs are: an id is never handed out twice, even across a failure.</summary>
public sealed class MessageIdGrain(
    [PersistentState(stateName: "message-ids", storageName: SiloSetup.StorageName)] IPersistentState<MessageIdState> state)
    : Grain, IMessageIdGrain
{
    private const long BlockSize = 100;
    private long _next;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _next = Math.Max(1, state.State.ReservedUpTo);
        return Task.CompletedTask;
    }

    public async Task<long> Next()
    {
        if (_next >= state.State.ReservedUpTo)
        {
            state.State = new MessageIdState { ReservedUpTo = _next + BlockSize };
            await state.WriteStateAsync();
        }
        return _next++;
    }
}
