namespace Mmx.Grains.Accounts;

/// <summary>Where one user's feedback thread stands on the operators' desk.</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.FeedbackThread")]
public sealed record FeedbackThread
{
    [Id(0)] public required long AccId { get; init; }
    /// <summary>The newest message either way, unix seconds.</summary>
    [Id(1)] public required long LastTime { get; init; }
    /// <summary>The newest message (from the user or the operators' reply).</summary>
    [Id(2)] public required string LastContent { get; init; }
    /// <summary>True while the user's newest message is unanswered.</summary>
    [Id(3)] public required bool Open { get; init; }
}

/// <summary>
/// The operators' feedback desk for the cluster (key 0): one line per user whose thread has a
/// message, newest first, open until an operator replies. Each user's grain keeps the thread
/// itself and tells the desk of every message (idempotent: the desk keeps the newest state of
/// each thread).
/// </summary>
[Alias("mmx.accounts.IFeedbackDeskGrain")]
public interface IFeedbackDeskGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Noted")]
    Task Noted(FeedbackThread thread);

    /// <summary>The user's thread leaves the desk (the account was erased).</summary>
    [Alias("Forget")]
    Task Forget(long accId);

    /// <summary>A page of threads, newest first: the open ones, the answered ones, or all (null).</summary>
    [Alias("Page"), ReadOnly]
    Task<Catalogue.Page<FeedbackThread>> Page(bool? open, int offset, int count);
}
