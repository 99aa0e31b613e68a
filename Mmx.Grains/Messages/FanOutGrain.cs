using Mmx.Grains.ShopLife;

namespace Mmx.Grains.Messages;

[GenerateSerializer, Alias("mmx.messages.FanOutState")]
public sealed record FanOutState
{
    [Id(0)] public ShopMessage? Message { get; init; }
    /// <summary>Fans are delivered to in rising accID order; every accID up to this one is done.</summary>
    [Id(1)] public long DoneUpTo { get; init; }
    /// <summary>Fans whose inbox has the message (a batch repeated after a failure counts once).</summary>
    [Id(2)] public int Delivered { get; init; }
    [Id(3)] public bool Done { get; init; }
}

/// <summary>
/// See <see cref="IFanOutGrain"/>. A batch is one call to the shop for the next fans whose
/// messages are on (so a fan who unfollowed or switched messages off before their batch gets
/// nothing), one delivery call per fan, in parallel, then the stored progress; the request that
/// published the message waits for none of it.
/// </summary>
public sealed class FanOutGrain(
    [PersistentState(stateName: "fan-out", storageName: SiloSetup.StorageName)] IPersistentState<FanOutState> state,
    ILogger<FanOutGrain> logger)
    : Grain, IFanOutGrain
{
    public const int BatchSize = 500;
    private IGrainTimer? _timer;

    private FanOutState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Message is not null && !S.Done) Run();
        return Task.CompletedTask;
    }

    public async Task Start(ShopMessage message)
    {
        if (S.Message is not null) return;
        await GrainFactory.GetGrain<IFanOutRegistryGrain>(IFanOutRegistryGrain.Key).Opened(message.MsgId);
        state.State = new FanOutState { Message = message };
        await state.WriteStateAsync();
        Run();
    }

    /// <summary>Activation has resumed a stored unfinished fan-out (<see cref="OnActivateAsync"/>); one that never stored its message (a failure inside <see cref="Start"/>) leaves the registry.</summary>
    public async Task Resume()
    {
        if (S.Message is null) await GrainFactory.GetGrain<IFanOutRegistryGrain>(IFanOutRegistryGrain.Key).Closed(this.GetPrimaryKeyLong());
    }

    public Task<FanOutProgress> Progress() => Task.FromResult(new FanOutProgress { Delivered = S.Delivered, Done = S.Done });

    private void Run() =>
        _timer ??= this.RegisterGrainTimer(Batch, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(1)) { KeepAlive = true });

    private async Task Batch()
    {
        var message = S.Message!;
        var fans = await GrainFactory.GetGrain<IShopLifeGrain>(message.ShopId).MessageRecipients(S.DoneUpTo, BatchSize);
        if (fans.IsEmpty)
        {
            state.State = S with { Done = true };
            await state.WriteStateAsync();
            await GrainFactory.GetGrain<IFanOutRegistryGrain>(IFanOutRegistryGrain.Key).Closed(message.MsgId);
            logger.LogInformation("Message {MsgId} of shop {ShopId} delivered to {Fans} fans", message.MsgId, message.ShopId, S.Delivered);
            _timer?.Dispose();
            _timer = null;
            return;
        }
        await Task.WhenAll(fans.Select(fan => GrainFactory.GetGrain<IInboxGrain>(fan).Deliver(message)));
        state.State = S with { DoneUpTo = fans[^1], Delivered = S.Delivered + fans.Length };
        await state.WriteStateAsync();
    }
}
