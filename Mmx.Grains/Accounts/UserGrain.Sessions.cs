namespace Mmx.Grains.Accounts;

/// <summary>Logging in, sessions, the password and the bound phone.</summary>
public sealed partial class UserGrain
{
    public Task<Outcome<LoginChallenge>> BeginLogin() => Task.FromResult<Outcome<LoginChallenge>>(S.Created && !S.Erasing
        ? new LoginChallenge { PasswordHash = S.PasswordHash, OpenIdKey = S.OpenIdKey, Disabled = S.Disabled }
        : Err.NotFound);

    public async Task<Outcome<string>> CompleteLogin(LoginAttempt attempt)
    {
        if (!S.Created || S.Erasing) return Err.WrongCredentials;
        if (S.Disabled) return Outcome<string>.Fail(Err.Forbidden, IUserGrain.AccountDisabled);

        var previousDevice = S.LastDevice;
        var (sessions, evicted) = WithSession(attempt.TokenHash);
        state.State = S with
        {
            LastDevice = attempt.Device,
            PasswordHash = attempt.UpgradedHash ?? S.PasswordHash,
            Sessions = sessions,
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISessionGrain>(attempt.TokenHash).Open(AccId);
        await CloseSessions(evicted);
        return previousDevice;
    }

    public async Task OpenSession(string tokenHash)
    {
        if (!S.Created) throw new InvalidOperationException($"No account {AccId}.");
        if (S.Disabled) throw new InvalidOperationException($"Account {AccId} is disabled.");
        var (sessions, evicted) = WithSession(tokenHash);
        state.State = S with { Sessions = sessions };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISessionGrain>(tokenHash).Open(AccId);
        await CloseSessions(evicted);
    }

    public async Task<Err> SetPassword(string passwordHash)
    {
        if (!S.Created) return Err.NotFound;
        var sessions = S.Sessions;
        state.State = S with { PasswordHash = passwordHash, Sessions = [] };
        await state.WriteStateAsync();
        // A new password ends every session, including one a thief may hold, and every connection
        // held on the old password (the apps' chat sockets), also when no session was open.
        await CloseSessions(sessions);
        await AnnounceAccountEnded();
        return Err.Ok;
    }

    public async Task<string> SetPhone(string phone, DateTimeOffset? unconfirmedUntil)
    {
        var previous = S.Profile.Phone;
        if (previous == phone && S.PhoneUnconfirmedUntil == unconfirmedUntil) return previous;
        state.State = S with { Profile = S.Profile with { Phone = phone }, PhoneUnconfirmedUntil = unconfirmedUntil };
        await state.WriteStateAsync();
        return previous == phone ? "" : previous;
    }

    public async Task ForgetPhone(string phone)
    {
        if (S.Profile.Phone != phone) return;
        state.State = S with { Profile = S.Profile with { Phone = "" }, PhoneUnconfirmedUntil = null };
        await state.WriteStateAsync();
    }

    public async Task<Err> SetDisabled(bool disabled)
    {
        if (!S.Created || S.Erasing) return Err.NotFound;
        var sessions = disabled ? S.Sessions : [];
        if (S.Disabled != disabled || !sessions.IsEmpty)
        {
            state.State = S with { Disabled = disabled, Sessions = disabled ? [] : S.Sessions };
            await state.WriteStateAsync();
        }
        // Every session and connection ends at once, on every front (a retry repeats it harmlessly).
        if (disabled)
        {
            await CloseSessions(sessions);
            await AnnounceAccountEnded();
        }
        return Err.Ok;
    }

    public Task<bool> IsDisabled() => Task.FromResult(S.Disabled);

    private (ImmutableArray<string> Sessions, ImmutableArray<string> Evicted) WithSession(string tokenHash) =>
        SessionLists.With(S.Sessions, tokenHash, MaxSessions);

    /// <summary>Tells every front that connections held on this account's password end (no session token: only the account).</summary>
    private Task AnnounceAccountEnded() => GrainFactory.GetGrain<ISessionRevocationGrain>(0).Revoke("", AccId);

    private Task CloseSessions(IEnumerable<string> tokenHashes) =>
        Task.WhenAll(tokenHashes.Select(t => GrainFactory.GetGrain<ISessionGrain>(t).Close()));
}
