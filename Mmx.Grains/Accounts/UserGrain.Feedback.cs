namespace Mmx.Grains.Accounts;

/// <summary>The user's feedback thread.</summary>
public sealed partial class UserGrain
{
    public async Task<Err> AddFeedback(string content, int direction)
    {
        if (!S.Created) return Err.NotFound;
        if (feedback.State.Entries.Length >= MaxFeedback) return Err.LimitReached;
        var entry = new FeedbackEntry { Content = content, Time = time.GetUtcNow().ToUnixTimeSeconds(), Direction = direction };
        feedback.State = new FeedbackState { Entries = feedback.State.Entries.Add(entry) };
        await feedback.WriteStateAsync();
        await GrainFactory.GetGrain<IFeedbackDeskGrain>(IFeedbackDeskGrain.Key).Noted(new FeedbackThread
        {
            AccId = AccId, LastTime = entry.Time, LastContent = entry.Content, Open = direction == FeedbackEntry.FromUser,
        });
        return Err.Ok;
    }

    public Task<ImmutableArray<FeedbackEntry>> ListFeedback(int offset, int count) =>
        Task.FromResult(feedback.State.Entries.Reverse().Skip(offset).Take(count).ToImmutableArray());
}
