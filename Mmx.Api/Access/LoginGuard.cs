using Mmx.Grains.Accounts;

namespace Mmx.Api.Access;

/// <summary>
/// The brute-force protection of password checks (login, and the password as proof in
/// bindphone), per identity and client address (<see cref="ILoginGuardGrain"/>) and per address
/// (<see cref="IAddressGuardGrain"/>). It is consulted for unknown identities exactly as for
/// real ones, and a refusal costs the same hashing time as a check, so neither the answer (err 7
/// or err 8) nor its time tells a real account from an unknown one. Third-party logins never pass
/// here: a guessed password cannot lock out a provider login.
/// </summary>
public sealed record LoginGuard(ILoginGuardGrain Identity, IAddressGuardGrain Address, string ClientAddress)
{
    /// <summary>The guard of one identity (<c>a:{accID}</c> when the account exists, else the identity as typed) for this request's client.</summary>
    public static LoginGuard For(IGrainFactory grains, HttpContext context, string identity)
    {
        var address = ClientAddresses.KeyOf(context.Connection.RemoteIpAddress);
        return new(grains.GetGrain<ILoginGuardGrain>(identity), grains.GetGrain<IAddressGuardGrain>(address), address);
    }

    /// <summary>Throws err 7 (after a decoy hash, so it takes as long as a check) when this client is held back.</summary>
    public async Task Admit(string password)
    {
        var identityAllows = Identity.MayTry(ClientAddress);
        var addressAllows = Address.MayTry();
        if (await identityAllows && await addressAllows) return;
        Passwords.VerifyDecoy(password);
        throw new ApiException(Err.TooManyRequests, "too many wrong passwords; try again later");
    }

    public Task Failed() => Task.WhenAll(Identity.Failed(ClientAddress), Address.Failed());

    public Task Succeeded() => Identity.Succeeded(ClientAddress);
}
