namespace Mmx.Grains.Accounts;

/// <summary>
/// The guard of one client address across identities (key: the address): an address that tries
/// many accounts' passwords (credential stuffing) is held back for all of them.
/// </summary>
[Alias("mmx.accounts.IAddressGuardGrain")]
public interface IAddressGuardGrain : IGrainWithStringKey
{
    [Alias("MayTry")]
    Task<bool> MayTry();

    [Alias("Failed")]
    Task Failed();
}
