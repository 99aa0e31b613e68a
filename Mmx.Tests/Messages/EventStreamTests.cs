using Mmx.Api.Messages;

namespace Mmx.Tests.Messages;

/// <summary>One stream's queue: a reader that falls behind is dropped, not buffered without bound.</summary>
public sealed class EventStreamTests
{
    [Fact]
    public void A_reader_that_falls_a_whole_queue_behind_is_dropped()
    {
        var stream = new EventStream(accId: 1, queueLength: 8);
        stream.Offer(ServerEvent.OfCustomers(1, 0));
        // A count said again is not queued twice.
        stream.Offer(ServerEvent.OfCustomers(1, 0));
        for (var i = 1; i < 8; i++) stream.Offer(ServerEvent.OfCustomers(1, i));
        Assert.False(stream.Closed.IsCancellationRequested);
        stream.Offer(ServerEvent.OfCustomers(1, 8));
        Assert.True(stream.Closed.IsCancellationRequested);
        Assert.Equal("slow reader", stream.ClosedBecause);
        Assert.True(stream.Dropped);
        // What was queued is still readable; nothing more is taken.
        Assert.Equal(8, stream.Events.Count);
        stream.Offer(ServerEvent.OfCustomers(1, 10));
        Assert.Equal(8, stream.Events.Count);
    }

    [Fact]
    public void Event_data_is_one_line_of_json_with_chinese_as_it_is()
    {
        var friend = ServerEvent.OfFriend(new Mmx.Grains.Messages.FriendEvent { Type = "invite", Uid = 7, NickName = "喵\n友" });
        Assert.Equal("{\"type\":\"invite\",\"uid\":7,\"nickName\":\"喵\\n友\"}", friend.Data);
        Assert.Equal("id: 3\nevent: friend\ndata: " + friend.Data + "\n\n", System.Text.Encoding.UTF8.GetString(friend.Encode(3)));
    }
}
