namespace Mmx.Grains.Messages;

[GenerateSerializer, Alias("mmx.messages.InboxState")]
public sealed record InboxState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public ImmutableList<InboxEntry> Entries { get; init; } = [];
    [Id(1)] public long LastSeq { get; init; }
    /// <summary>Message ids that fell out of the kept 500: a late retry of one is not a new message.</summary>
    [Id(2)] public long ForgottenUpTo { get; init; }
    /// <summary>The sequence number up to which the account's chat socket was given its messages.</summary>
    [Id(3)] public long ChatDeliveredSeq { get; init; }
}

/// <summary>See <see cref="IInboxGrain"/>.</summary>
public sealed class InboxGrain(
    [PersistentState(stateName: "inbox", storageName: SiloSetup.StorageName)] IPersistentState<InboxState> state)
    : Grain, IInboxGrain
{
    public const int Kept = 500;

    private InboxState S => state.State;

    public async Task<bool> Deliver(ShopMessage message)
    {
        if (message.MsgId <= S.ForgottenUpTo || S.Entries.Any(e => e.Message.MsgId == message.MsgId)) return false;
        var entry = new InboxEntry { Seq = S.LastSeq + 1, Message = message };
        var entries = S.Entries.Add(entry);
        var forgotten = S.ForgottenUpTo;
        while (entries.Count > Kept)
        {
            // The oldest by message id goes; ids below it can no longer be told apart from new ones.
            var oldest = entries.MinBy(e => e.Message.MsgId)!;
            forgotten = Math.Max(forgotten, oldest.Message.MsgId);
            entries = entries.Remove(oldest);
        }
        state.State = S with { Entries = entries, LastSeq = S.LastSeq + 1, ForgottenUpTo = forgotten };
        await state.WriteStateAsync();
        // Stored first: a stream that misses this event finds the message by its seq.
        await GrainFactory.GetGrain<IUserEventsGrain>(this.GetPrimaryKeyLong()).Publish(UserEvent.Of(entry));
        return true;
    }

    public Task<InboxPage> Page(int offset, int count)
    {
        if (S.Entries.IsEmpty) DeactivateOnIdle();
        return Task.FromResult(new InboxPage
        {
            // Newest first by message id (ids rise with time): deliveries of several fan-outs can arrive out of order.
            Items = [.. S.Entries.OrderByDescending(e => e.Message.MsgId).Skip(offset).Take(count)],
            Total = S.Entries.Count,
            Unread = S.Entries.Count(e => !e.Read),
        });
    }

    public Task<InboxCatchUp> Since(long afterSeq) => Task.FromResult(new InboxCatchUp
    {
        LastSeq = S.LastSeq,
        Entries = [.. S.Entries.Where(e => e.Seq > afterSeq)],
    });

    public Task<ImmutableArray<InboxEntry>> UndeliveredToChat(int max) =>
        Task.FromResult<ImmutableArray<InboxEntry>>([.. S.Entries.Where(e => e.Seq > S.ChatDeliveredSeq && !e.Read).OrderBy(e => e.Seq).TakeLast(max)]);

    public async Task DeliveredToChat(long seq)
    {
        if (seq <= S.ChatDeliveredSeq) return;
        state.State = S with { ChatDeliveredSeq = Math.Min(seq, S.LastSeq) };
        await state.WriteStateAsync();
    }

    public Task MarkRead(ImmutableArray<long> msgIds)
    {
        var ids = msgIds.ToHashSet();
        return Save(e => ids.Contains(e.Message.MsgId));
    }

    public Task MarkAllRead() => Save(_ => true);

    private async Task Save(Func<InboxEntry, bool> read)
    {
        if (!S.Entries.Any(e => !e.Read && read(e))) return;
        state.State = S with { Entries = [.. S.Entries.Select(e => !e.Read && read(e) ? e with { Read = true } : e)] };
        await state.WriteStateAsync();
    }

    public Task Clear() => state.ClearStateAsync();
}
