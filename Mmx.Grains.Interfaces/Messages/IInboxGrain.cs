namespace Mmx.Grains.Messages;

/// <summary>
/// One per account (key: accID): the messages its fan shops sent it, newest 500 kept, and how
/// many are unread. Delivery is idempotent by message id, so a retried batch cannot double a
/// message or the unread count.
/// </summary>
[Alias("mmx.messages.IInboxGrain")]
public interface IInboxGrain : IGrainWithIntegerKey
{
    /// <summary>Adds the message unless the inbox has (or had) it; true when it is new.</summary>
    [Alias("Deliver")]
    Task<bool> Deliver(ShopMessage message);

    /// <summary>A page of the inbox, newest first.</summary>
    [Alias("Page"), ReadOnly]
    Task<InboxPage> Page(int offset, int count);

    /// <summary>Marks these messages read (ids the inbox does not hold are ignored).</summary>
    [Alias("MarkRead")]
    Task MarkRead(ImmutableArray<long> msgIds);

    [Alias("MarkAllRead")]
    Task MarkAllRead();

    /// <summary>The kept messages after <paramref name="afterSeq"/>, for a stream that resumes from its Last-Event-ID.</summary>
    [Alias("Since"), ReadOnly]
    Task<InboxCatchUp> Since(long afterSeq);

    /// <summary>
    /// The kept unread messages the account's chat socket was not given yet (oldest first, at most
    /// <paramref name="max"/>, the newest of them): what a socket sends first on connect.
    /// </summary>
    [Alias("UndeliveredToChat"), ReadOnly]
    Task<ImmutableArray<InboxEntry>> UndeliveredToChat(int max);

    /// <summary>A chat socket was given the messages up to this sequence number (live or on connect).</summary>
    [Alias("DeliveredToChat")]
    Task DeliveredToChat(long seq);

    /// <summary>Deletes the inbox (the account is being erased).</summary>
    [Alias("Clear")]
    Task Clear();
}

/// <summary>Hands out message ids, rising, never twice (key 0).</summary>
[Alias("mmx.messages.IMessageIdGrain")]
public interface IMessageIdGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Next")]
    Task<long> Next();
}

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

/// <summary>The unfinished fan-outs (key 0), so that silos can resume them after a failure.</summary>
[Alias("mmx.messages.IFanOutRegistryGrain")]
public interface IFanOutRegistryGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Opened")]
    Task Opened(long msgId);

    [Alias("Closed")]
    Task Closed(long msgId);

    /// <summary>Asks every unfinished fan-out to continue.</summary>
    [Alias("ResumeAll")]
    Task ResumeAll();
}
