using Mmx.Grains.Accounts;

namespace Mmx.Grains.Merchants;

/// <summary>The merchant's logins: the sessions it opened, so that a password reset ends them all.</summary>
public sealed partial class MerchantGrain
{
    /// <summary>Open logins kept per merchant (several people may run one shop's portal).</summary>
    public const int MaxSessions = 20;

    public async Task<Err> OpenSession(string sessionKey)
    {
        if (!Exists) return Err.NotFound;
        var (sessions, evicted) = SessionLists.With(S.Sessions, sessionKey, MaxSessions);
        // Written before the session opens: a session this grain does not know of could outlive a reset.
        state.State = S with { Sessions = sessions };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISessionGrain>(sessionKey).Open(ShopId);
        await CloseSessions(evicted);
        return Err.Ok;
    }

    public async Task<Err> ResetPassword(string passwordHash)
    {
        if (!Exists) return Err.NotFound;
        var sessions = S.Sessions;
        state.State = S with { PasswordHash = passwordHash, Sessions = [] };
        await state.WriteStateAsync();
        await CloseSessions(sessions);
        logger.LogInformation("Merchant of shop {ShopId} reset the password by SMS; {Sessions} sessions ended", ShopId, sessions.Length);
        return Err.Ok;
    }

    private Task CloseSessions(IEnumerable<string> sessionKeys) =>
        Task.WhenAll(sessionKeys.Select(k => GrainFactory.GetGrain<ISessionGrain>(k).Close()));
}
