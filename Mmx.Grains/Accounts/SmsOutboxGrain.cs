namespace Mmx.Grains.Accounts;

/// <summary>The embedded default's outbox of one number: the last 20 messages, in memory only.</summary>
public sealed class SmsOutboxGrain : Grain, ISmsOutboxGrain
{
    private const int Keep = 20;
    private ImmutableArray<SmsMessage> _recent = [];

    public Task Record(SmsMessage message)
    {
        _recent = _recent.Insert(0, message);
        if (_recent.Length > Keep) _recent = _recent.RemoveRange(Keep, _recent.Length - Keep);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<SmsMessage>> Recent() => Task.FromResult(_recent);
}
