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
