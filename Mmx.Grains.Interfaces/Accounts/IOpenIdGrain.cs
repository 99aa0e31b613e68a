namespace Mmx.Grains.Accounts;

/// <summary>The outcome of a third-party login: the account, whether it was just made, and the previous device.</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.OpenIdLogin")]
public sealed record OpenIdLogin
{
    [Id(0)] public required long AccId { get; init; }
    [Id(1)] public required bool Registered { get; init; }
    [Id(2)] public string PreviousDevice { get; init; } = "";
}

/// <summary>
/// One per third-party identity (key: "{mode}:{openID}", modes 4-7): the account it logs into.
/// One activation per identity makes racing first logins end in one account.
/// </summary>
[Alias("mmx.accounts.IOpenIdGrain")]
public interface IOpenIdGrain : IGrainWithStringKey
{
    /// <summary>Logs in (registering on the first login) and opens the session of this token hash; WrongCredentials when the account cannot log in.</summary>
    [Alias("Login")]
    Task<Outcome<OpenIdLogin>> Login(string device, string tokenHash);

    /// <summary>
    /// Keeps the hash of a web login ticket for this identity until it lapses (the web client's
    /// WeChat code exchange proved the identity to the front that issued it). A newer ticket
    /// replaces the one before.
    /// </summary>
    [Alias("IssueWebTicket")]
    Task IssueWebTicket(string ticketHash);

    /// <summary>Spends the web login ticket of this hash: true once, while it is live; false otherwise.</summary>
    [Alias("RedeemWebTicket")]
    Task<bool> RedeemWebTicket(string ticketHash);

    /// <summary>Forgets the binding to this account (erased): the identity's next login registers anew. Idempotent.</summary>
    [Alias("Release")]
    Task Release(long accId);
}
