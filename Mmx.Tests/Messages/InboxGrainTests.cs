using Mmx.Grains.Messages;
using static Mmx.Tests.Messages.MessageTestKit;

namespace Mmx.Tests.Messages;

/// <summary>The per-user inbox: idempotent delivery, exact unread counts, the newest 500 kept.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class InboxGrainTests(TwoSiloCluster cluster)
{
    private static long _next = 70_000_000;
    private static long NewUser() => Interlocked.Increment(ref _next);

    [Fact]
    public async Task Concurrent_and_repeated_deliveries_keep_unread_exact()
    {
        var inbox = cluster.Client.GetGrain<IInboxGrain>(NewUser());
        // 200 messages, each delivered three times at once (retried batches of several fan-outs).
        var deliveries = Enumerable.Range(1, 200).SelectMany(i => Enumerable.Repeat((long)i, 3)).Select(id => inbox.Deliver(Message(id)));
        var fresh = await Task.WhenAll(deliveries);
        Assert.Equal(200, fresh.Count(f => f));

        // Reads and more deliveries at once: the count stays the number of unread messages.
        await Task.WhenAll(
            inbox.MarkRead([.. Enumerable.Range(1, 50).Select(i => (long)i)]),
            inbox.Deliver(Message(201)),
            inbox.Deliver(Message(7)),
            inbox.MarkRead([10, 11, 9999]));
        var page = await inbox.Page(0, 100);
        Assert.Equal(201, page.Total);
        Assert.Equal(151, page.Unread);
        Assert.Equal(201, page.Items[0].Message.MsgId);
        Assert.Equal(page.Items.Select(i => i.Message.MsgId).OrderDescending(), page.Items.Select(i => i.Message.MsgId));

        await inbox.MarkAllRead();
        Assert.Equal(0, (await inbox.Page(0, 1)).Unread);
    }

    [Fact]
    public async Task The_newest_500_are_kept_and_a_late_retry_of_a_forgotten_one_is_not_new()
    {
        var inbox = cluster.Client.GetGrain<IInboxGrain>(NewUser());
        for (var id = 1; id <= 510; id++) Assert.True(await inbox.Deliver(Message(id)));
        var page = await inbox.Page(490, 100);
        Assert.Equal(500, page.Total);
        Assert.Equal(11, page.Items[^1].Message.MsgId);
        Assert.False(await inbox.Deliver(Message(3)));
        Assert.Equal(500, (await inbox.Page(0, 1)).Total);
    }

    [Fact]
    public async Task Since_answers_the_messages_after_a_sequence_number()
    {
        var inbox = cluster.Client.GetGrain<IInboxGrain>(NewUser());
        Assert.Equal(0, (await inbox.Since(0)).LastSeq);
        foreach (var id in new long[] { 40, 41, 42 }) await inbox.Deliver(Message(id));
        var after = await inbox.Since(1);
        Assert.Equal(3, after.LastSeq);
        Assert.Equal([41L, 42L], after.Entries.Select(e => e.Message.MsgId));
    }
}
