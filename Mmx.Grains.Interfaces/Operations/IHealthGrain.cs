namespace Mmx.Grains.Operations;

/// <summary>
/// The readiness probe's grain (one, key 0): answering at all proves the cluster is joined;
/// <see cref="Probe"/> reads its state from grain storage, proving storage answers too.
/// </summary>
[Alias("mmx.operations.IHealthGrain")]
public interface IHealthGrain : IGrainWithIntegerKey
{
    [Alias("Probe")]
    Task Probe();
}
