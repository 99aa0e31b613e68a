namespace Mmx.Grains.Accounts;

/// <summary>An API front's session cache, as the revocation hub sees it.</summary>
[Alias("mmx.accounts.ISessionRevocationObserver")]
public interface ISessionRevocationObserver : IGrainObserver
{
    [Alias("Revoked")]
    Task Revoked(string tokenHash, long accId);
}
