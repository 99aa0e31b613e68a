namespace Mmx.Grains.Operations;

/// <summary>
/// The revocation of dashboard sign-ins, for the cluster (key 0): a counter per operator name (and
/// one for everyone) that a revocation moves on. A dashboard cookie carries the counters of its
/// sign-in and opens nothing once they moved: no clocks of different machines are compared.
/// </summary>
[Alias("mmx.operations.IDashboardSignInsGrain")]
public interface IDashboardSignInsGrain : IGrainWithIntegerKey
{
    /// <summary>Revokes every cookie of <paramref name="operatorName"/>, or of everyone when null.</summary>
    [Alias("Revoke")]
    Task Revoke(string? operatorName);

    /// <summary>The counters by operator name (absent: 0); <see cref="Everyone"/>'s is everyone's.</summary>
    [Alias("Epochs"), ReadOnly]
    Task<ImmutableDictionary<string, long>> Epochs();

    public const string Everyone = "*";
}
