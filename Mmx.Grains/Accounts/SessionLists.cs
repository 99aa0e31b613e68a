namespace Mmx.Grains.Accounts;

/// <summary>The capped list of open sessions an account keeps (a user's, a merchant's), oldest first.</summary>
internal static class SessionLists
{
    /// <summary>The list with this session added (once), and the oldest sessions beyond the cap, to close.</summary>
    public static (ImmutableArray<string> Sessions, ImmutableArray<string> Evicted) With(ImmutableArray<string> sessions, string session, int max)
    {
        var all = sessions.Contains(session) ? sessions : sessions.Add(session);
        var excess = Math.Max(0, all.Length - max);
        return ([.. all.Skip(excess)], [.. all.Take(excess)]);
    }
}
