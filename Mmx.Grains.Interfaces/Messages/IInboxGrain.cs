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
