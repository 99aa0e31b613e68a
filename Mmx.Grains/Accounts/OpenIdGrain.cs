namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.OpenIdState")]
public sealed record OpenIdState
{
    [Id(0)] public long? Owner { get; init; }
    /// <summary>A first login that got its ids but may not have finished: a retry completes it.</summary>
    [Id(1)] public long? PendingAccId { get; init; }
    [Id(2)] public long? PendingMcode { get; init; }
}

public sealed class OpenIdGrain(
    [PersistentState(stateName: "openid", storageName: SiloSetup.StorageName)] IPersistentState<OpenIdState> state,
    ILogger<OpenIdGrain> logger)
    : Grain, IOpenIdGrain
{
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
            state.State = new OpenIdState { Owner = state.State.PendingAccId };
            await state.WriteStateAsync();
            registered = true;
            logger.LogInformation("Account {AccId} registered by a third-party login", state.State.Owner);
        }

        var owner = state.State.Owner!.Value;
        var previousDevice = await GrainFactory.GetGrain<IUserGrain>(owner).CompleteLogin(new LoginAttempt
        {
            PasswordMatched = true,
            Device = device,
            TokenHash = tokenHash,
        });
        return previousDevice.IsOk
            ? new OpenIdLogin { AccId = owner, Registered = registered, PreviousDevice = previousDevice.Value! }
            : previousDevice.Err;
    }

    public async Task Release(long accId)
    {
        if (state.State.Owner != accId) return;
        await state.ClearStateAsync();
    }
}
