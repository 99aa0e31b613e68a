namespace Mmx.Grains.Accounts;

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
