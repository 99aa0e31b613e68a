namespace Mmx.Grains.Accounts;

/// <summary>
/// The embedded default's SMS outbox for one number (key: the number): the last messages "sent",
/// newest first, for GET /admin/sms. Kept in memory only.
/// </summary>
[Alias("mmx.accounts.ISmsOutboxGrain")]
public interface ISmsOutboxGrain : IGrainWithStringKey
{
    [Alias("Record")]
    Task Record(SmsMessage message);

    [Alias("Recent"), ReadOnly]
    Task<ImmutableArray<SmsMessage>> Recent();
}
