using Mmx.Api.Messages;

namespace Mmx.Tests.Messages;

/// <summary>One stream's queue: a reader that falls behind is dropped, not buffered without bound.</summary>
public sealed class EventStreamTests
{
    [Fact]
    public void A_reader_that_falls_a_whole_queue_behind_is_dropped()
    {
        var stream = new EventStream(accId: 1, queueLength: 8);
        for (var i = 0; i < 8; i++) stream.Offer(ServerEvent.OfCustomers(1, i));
        Assert.False(stream.Closed.IsCancellationRequested);
        stream.Offer(ServerEvent.OfCustomers(1, 9));
        Assert.True(stream.Closed.IsCancellationRequested);
        Assert.Equal("slow reader", stream.ClosedBecause);
        // What was queued is still readable; nothing more is taken.
        Assert.Equal(8, stream.Events.Count);
        stream.Offer(ServerEvent.OfCustomers(1, 10));
        Assert.Equal(8, stream.Events.Count);
    }
}
