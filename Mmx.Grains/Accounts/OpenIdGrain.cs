using System.Security.Cryptography;
using System.Text;

namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.OpenIdState")]
public sealed record OpenIdState
{
    [Id(0)] public long? Owner { get; init; }
    /// <summary>A first login that got its ids but may not have finished: a retry completes it.</summary>
    [Id(1)] public long? PendingAccId { get; init; }
    [Id(2)] public long? PendingMcode { get; init; }
    /// <summary>The hash of the web login ticket a code exchange issued, and when it lapses.</summary>
    [Id(3)] public string? WebTicketHash { get; init; }
    [Id(4)] public DateTimeOffset WebTicketExpires { get; init; }
}

public sealed class OpenIdGrain(
    [PersistentState(stateName: "openid", storageName: SiloSetup.StorageName)] IPersistentState<OpenIdState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<OpenIdGrain> logger)
    : Grain, IOpenIdGrain
{
    /// <summary>Long enough for the web client's next request (loginex right after the exchange), short enough to be of no use later.</summary>
    public static readonly TimeSpan WebTicketLifetime = TimeSpan.FromMinutes(10);

    public async Task<Outcome<OpenIdLogin>> Login(string device, string tokenHash)
    {
        var login = await LoginOnce(device, tokenHash);
        if (login.Err != Err.WrongCredentials) return login;
        // The account this identity made was erased (before erasure released identities): the
        // identity starts afresh, as a first login.
        await state.ClearStateAsync();
        return await LoginOnce(device, tokenHash);
    }

    private async Task<Outcome<OpenIdLogin>> LoginOnce(string device, string tokenHash)
    {
        var registered = false;
        if (state.State.Owner is null)
        {
            if (state.State.PendingAccId is null || state.State.PendingMcode is null)
            {
                var (accId, mcode) = await NewAccounts.Reserve(GrainFactory);
                state.State = state.State with { PendingAccId = accId, PendingMcode = mcode };
                await state.WriteStateAsync();
            }
            // No phone and no password: this account signs in through its provider only.
            var account = new NewAccount
            {
                Phone = "", Mcode = state.State.PendingMcode!.Value, PasswordHash = "", OpenIdKey = this.GetPrimaryKeyString(),
            };
            await NewAccounts.Create(GrainFactory, state.State.PendingAccId!.Value, account);
            state.State = state.State with { Owner = state.State.PendingAccId, PendingAccId = null, PendingMcode = null };
            await state.WriteStateAsync();
            registered = true;
            logger.LogInformation("Account {AccId} registered by a third-party login", state.State.Owner);
        }

        var owner = state.State.Owner!.Value;
        var previousDevice = await GrainFactory.GetGrain<IUserGrain>(owner).CompleteLogin(new LoginAttempt
        {
            Device = device,
            TokenHash = tokenHash,
        });
        return previousDevice.IsOk
            ? new OpenIdLogin { AccId = owner, Registered = registered, PreviousDevice = previousDevice.Value! }
            : previousDevice.Err;
    }

    public async Task IssueWebTicket(string ticketHash)
    {
        state.State = state.State with { WebTicketHash = ticketHash, WebTicketExpires = time.GetUtcNow() + WebTicketLifetime };
        await state.WriteStateAsync();
    }

    public async Task<bool> RedeemWebTicket(string ticketHash)
    {
        if (state.State.WebTicketHash is not { } kept) return false;
        var live = time.GetUtcNow() < state.State.WebTicketExpires;
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(kept), Encoding.ASCII.GetBytes(ticketHash));
        if (!matches) return false;
        // Spent (or lapsed) either way: one ticket opens one login.
        state.State = state.State with { WebTicketHash = null, WebTicketExpires = default };
        await state.WriteStateAsync();
        return live;
    }

    public async Task Release(long accId)
    {
        if (state.State.Owner != accId) return;
        await state.ClearStateAsync();
    }
}
