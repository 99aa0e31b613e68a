using Microsoft.Extensions.Hosting;

namespace Mmx.Grains.Common;

/// <summary>
/// A process service on every silo that makes one grain call every <see cref="Every"/> (resuming
/// what a dead silo left, expiring what ended). A process service rather than a grain timer,
/// because the timer would die with the silo it runs on; a failed round is logged at Debug and
/// the next one tries again.
/// </summary>
public abstract class SiloWatchdog(ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Every { get; }

    /// <summary>What each round does (a no-op when nothing is owed).</summary>
    protected abstract Task Round();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await Round();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogDebug(ex, "{Watchdog}'s round failed; trying again in {Every}", GetType().Name, Every);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
