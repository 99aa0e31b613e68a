namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.FeedbackDeskState")]
public sealed record FeedbackDeskState
{
    [Id(0)] public ImmutableDictionary<long, FeedbackThread> Threads { get; init; } = ImmutableDictionary<long, FeedbackThread>.Empty;
}

/// <summary>See <see cref="IFeedbackDeskGrain"/>. A thread is one small line; a user has at most one.</summary>
public sealed class FeedbackDeskGrain(
    [PersistentState(stateName: "feedback-desk", storageName: SiloSetup.StorageName)] IPersistentState<FeedbackDeskState> state)
    : Grain, IFeedbackDeskGrain
{
    public async Task Noted(FeedbackThread thread)
    {
        // A retried or late notice never replaces a newer state of the thread.
        if (state.State.Threads.TryGetValue(thread.AccId, out var known) && (known == thread || known.LastTime > thread.LastTime)) return;
        state.State = new FeedbackDeskState { Threads = state.State.Threads.SetItem(thread.AccId, thread) };
        await state.WriteStateAsync();
    }

    public async Task Forget(long accId)
    {
        if (!state.State.Threads.ContainsKey(accId)) return;
        state.State = new FeedbackDeskState { Threads = state.State.Threads.Remove(accId) };
        await state.WriteStateAsync();
    }

    public Task<Page<FeedbackThread>> Page(bool? open, int offset, int count)
    {
        var matching = state.State.Threads.Values.Where(t => open is null || t.Open == open)
            .OrderByDescending(t => t.LastTime).ThenByDescending(t => t.AccId).ToList();
        return Task.FromResult(new Page<FeedbackThread> { Items = [.. matching.Skip(offset).Take(count)], Total = matching.Count });
    }
}
