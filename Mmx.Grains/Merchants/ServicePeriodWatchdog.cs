using Microsoft.Extensions.Hosting;

namespace Mmx.Grains.Merchants;

/// <summary>
/// On every silo: every <see cref="Every"/>, asks the service periods to expire those that ended.
/// A process service rather than a grain timer, because the timer would die with the silo it runs
/// on (as <see cref="Messages.FanOutWatchdog"/>); the call is a look at one dictionary when nothing is due.
/// </summary>
public sealed class ServicePeriodWatchdog(IGrainFactory grains, ILogger<ServicePeriodWatchdog> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await grains.GetGrain<IServicePeriodsGrain>(IServicePeriodsGrain.Key).ExpireDue();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogDebug(ex, "Expiring merchant services failed; trying again in {Every}", Every);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
