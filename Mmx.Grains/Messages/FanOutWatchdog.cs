using Microsoft.Extensions.Hosting;

namespace Mmx.Grains.Messages;

/// <summary>
/// On every silo: every 15 s, asks the registry to wake the unfinished fan-outs. A fan-out whose
/// silo died comes back on a live one from its stored progress within that time; for one that is
/// running the call is a no-op. A process service rather than a grain timer, because the timer
/// would die with the silo it runs on.
/// </summary>
public sealed class FanOutWatchdog(IGrainFactory grains, ILogger<FanOutWatchdog> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await grains.GetGrain<IFanOutRegistryGrain>(IFanOutRegistryGrain.Key).ResumeAll();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogDebug(ex, "Resuming fan-outs failed; trying again in {Every}", Every);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
