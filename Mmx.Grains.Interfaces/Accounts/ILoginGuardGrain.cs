namespace Mmx.Grains.Accounts;

/// <summary>
/// The brute-force guard of one login identity (key: <c>a:{accID}</c> for an account, or the
/// identity as typed for one that does not exist, so both are guarded alike). A wrong password
/// counts against the client address it came from: that address is held back for this identity,
/// the owner elsewhere is not. Only a spread attack (many addresses) holds the identity back
/// everywhere, and even then not from addresses that logged into it before.
/// </summary>
[Alias("mmx.accounts.ILoginGuardGrain")]
public interface ILoginGuardGrain : IGrainWithStringKey
{
    /// <summary>Whether a password from this client address may be tried now.</summary>
    [Alias("MayTry")]
    Task<bool> MayTry(string address);

    [Alias("Failed")]
    Task Failed(string address);

    /// <summary>A right password from this address: its failures are forgotten and it is trusted from now on.</summary>
    [Alias("Succeeded")]
    Task Succeeded(string address);
}
