namespace Mmx.Grains.Accounts;

/// <summary>
/// The register of mcodes before <see cref="IMcodeIndexGrain"/> (one grain per 9-digit number).
/// Kept so that a database from an earlier version loses nothing: the index asks it before it
/// hands out a number, and a user grain of such an account enters its mcode into the index once.
/// </summary>
[Alias("mmx.accounts.IMcodeGrain")]
public interface IMcodeGrain : IGrainWithIntegerKey
{
    [Alias("Owner"), ReadOnly]
    Task<long?> Owner();
}
