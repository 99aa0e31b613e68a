using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Mmx.Grains.Messages.Push;

/// <summary>
/// Each silo's notices on their way to the <see cref="IPushSender"/>: grains enqueue without
/// waiting for the gateway (a fan-out to 100,000 fans does not wait on 100,000 HTTP calls), and
/// this service sends them in batches. The queue is bounded: when the gateway falls that far
/// behind, the oldest notices are dropped and counted in the log; the messages stay in the inboxes.
/// </summary>
public sealed class PushQueue(IPushSender sender, ILogger<PushQueue> logger) : BackgroundService
{
    public const int Capacity = 50_000;
    private const int Batch = 200;
    private long _dropped;

    private readonly Channel<PushNotice> _queue = Channel.CreateBounded<PushNotice>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(PushNotice notice)
    {
        if (_queue.Reader.Count >= Capacity) Interlocked.Increment(ref _dropped);
        _queue.Writer.TryWrite(notice);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PushNotice>(Batch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < Batch && _queue.Reader.TryRead(out var notice)) batch.Add(notice);
                try
                {
                    await sender.Send(batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "{Count} push notices could not be handed to the sender", batch.Count);
                }
                if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
                {
                    logger.LogWarning("The push queue was full: {Dropped} notices were dropped", dropped);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
