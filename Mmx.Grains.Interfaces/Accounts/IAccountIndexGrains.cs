namespace Mmx.Grains.Accounts;

/// <summary>Hands out accIDs: unique across every silo and never reused, also across restarts.</summary>
[Alias("mmx.accounts.IAccountIdGrain")]
public interface IAccountIdGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Next")]
    Task<long> Next();
}

/// <summary>One per mcode (喵喵号, key: the 9-digit number): which account holds it. Never released.</summary>
[Alias("mmx.accounts.IMcodeGrain")]
public interface IMcodeGrain : IGrainWithIntegerKey
{
    /// <summary>Gives the mcode to the account unless another holds it; true when the account holds it now.</summary>
    [Alias("Claim")]
    Task<bool> Claim(long accId);

    [Alias("Owner"), ReadOnly]
    Task<long?> Owner();
}

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
