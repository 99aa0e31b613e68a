namespace Mmx.Grains.Messages;

/// <summary>
/// One per message (key: message id): delivers it to the shop's fans whose messages are on, in
/// batches, in the background. Its progress is stored after each batch; a fan-out a silo failure
/// interrupted is picked up again (<see cref="IFanOutRegistryGrain"/>) and a repeated batch finds
/// its messages already in the inboxes.
/// </summary>
[Alias("mmx.messages.IFanOutGrain")]
public interface IFanOutGrain : IGrainWithIntegerKey
{
    /// <summary>Starts delivering; starting again is a no-op.</summary>
    [Alias("Start")]
    Task Start(ShopMessage message);

    /// <summary>Continues an unfinished delivery (this call activates the grain).</summary>
    [Alias("Resume")]
    Task Resume();

    [Alias("Progress"), ReadOnly]
    Task<FanOutProgress> Progress();
}
