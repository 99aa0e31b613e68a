namespace Mmx.Grains.Messages;

/// <summary>
/// On every silo: every 15 s, asks the registry to wake the unfinished fan-outs. A fan-out whose
/// silo died comes back on a live one from its stored progress within that time; for one that is
/// running the call is a no-op.
/// </summary>
public sealed class FanOutWatchdog(IGrainFactory grains, ILogger<FanOutWatchdog> logger) : SiloWatchdog(logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    protected override TimeSpan Every => Period;

    protected override Task Round() => grains.GetGrain<IFanOutRegistryGrain>(IFanOutRegistryGrain.Key).ResumeAll();
}
