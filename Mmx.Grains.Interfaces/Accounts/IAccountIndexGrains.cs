namespace Mmx.Grains.Accounts;

/// <summary>Hands out accIDs: unique across every silo and never reused, also across restarts.</summary>
[Alias("mmx.accounts.IAccountIdGrain")]
public interface IAccountIdGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Next")]
    Task<long> Next();

    /// <summary>
    /// Every accID handed out so far is below this (ids of skipped blocks too): a front answers a
    /// larger id as unknown without activating a user grain for it.
    /// </summary>
    [Alias("HandedOutBelow"), AlwaysInterleave]
    Task<long> HandedOutBelow();
}

/// <summary>
/// One shard of the register of mcodes (喵喵号; key: <see cref="ShardOf"/>): which account holds
/// each claimed mcode of the shard. A look-up of a made-up mcode is answered from the shard's
/// memory instead of activating a grain for that number (a flood of random mcodes would otherwise
/// make one activation each). Claims are never released: an erased account's mcode stays retired.
/// </summary>
[Alias("mmx.accounts.IMcodeIndexGrain")]
public interface IMcodeIndexGrain : IGrainWithIntegerKey
{
    const int Shards = 1024;

    static long ShardOf(long mcode) => (long)((ulong)mcode % Shards);

    /// <summary>Gives the mcode to the account unless another holds it: Ok when the account holds it now, else AlreadyExists.</summary>
    [Alias("Claim")]
    Task<Err> Claim(long mcode, long accId);

    [Alias("Owner"), ReadOnly]
    Task<long?> Owner(long mcode);
}

/// <summary>
/// The register of mcodes before <see cref="IMcodeIndexGrain"/> (one grain per 9-digit number).
/// Kept so that a database from an earlier version loses nothing: the index asks it before it
/// hands out a number, and a user grain of such an account enters its mcode into the index once.
/// </summary>
[Alias("mmx.accounts.IMcodeGrain")]
public interface IMcodeGrain : IGrainWithIntegerKey
{
    /// <summary>Gives the mcode to the account unless another holds it: Ok when the account holds it now, else AlreadyExists.</summary>
    [Alias("Claim")]
    Task<Err> Claim(long accId);

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
