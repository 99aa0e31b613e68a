namespace Mmx.Grains.Messages.Push;

/// <summary>See <see cref="IPushOutboxGrain"/>. One grain for the service, written a batch at a time by each silo's <see cref="PushQueue"/>.</summary>
public sealed class PushOutboxGrain : Grain, IPushOutboxGrain
{
    public const int Kept = 2000;
    private readonly LinkedList<PushNotice> _notices = new();

    public Task Record(ImmutableArray<PushNotice> notices)
    {
        foreach (var notice in notices)
        {
            _notices.AddFirst(notice);
            if (_notices.Count > Kept) _notices.RemoveLast();
        }
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<PushNotice>> Recent(long uid) => Task.FromResult<ImmutableArray<PushNotice>>([.. _notices.Where(n => n.Uid == uid)]);
}
