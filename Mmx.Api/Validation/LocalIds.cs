namespace Mmx.Api.Validation;

/// <summary>The ids a client keeps locally, checked: at most <see cref="Max"/>, each positive.</summary>
public static class LocalIds
{
    public const int Max = 1000;

    public static HashSet<long> Checked(List<long>? ids, string field)
    {
        if (ids is null) throw ApiException.BadRequest($"{field} is required");
        if (ids.Count > Max) throw ApiException.BadRequest($"{field}: at most {Max} ids");
        return ids.All(id => id > 0) ? [.. ids] : throw ApiException.BadRequest($"{field}: ids must be positive integers");
    }

    /// <summary>What the client must add and delete so its list equals the server's.</summary>
    public static (long[] Add, long[] Delete) Diff(IEnumerable<long> server, HashSet<long> local)
    {
        var serverSet = server.ToHashSet();
        return ([.. serverSet.Where(id => !local.Contains(id)).Order()], [.. local.Where(id => !serverSet.Contains(id)).Order()]);
    }
}
