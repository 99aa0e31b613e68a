namespace Mmx.Grains.Merchants;

/// <summary>
/// On every silo: every 5 s, asks the service periods to expire those that ended (a look at one
/// dictionary when nothing is due), so a shop whose period is over leaves users' view within seconds.
/// </summary>
public sealed class ServicePeriodWatchdog(IGrainFactory grains, ILogger<ServicePeriodWatchdog> logger) : SiloWatchdog(logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override TimeSpan Every => Period;

    protected override Task Round() => grains.GetGrain<IServicePeriodsGrain>(IServicePeriodsGrain.Key).ExpireDue();
}
