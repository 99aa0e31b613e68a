namespace Mmx.Grains.Merchants;

/// <summary>
/// Hands out the ids of shops that merchants sign up, from <see cref="FirstId"/> on (imports keep
/// their own ids below it): unique across silos and restarts.
/// </summary>
[Alias("mmx.merchants.IShopIdGrain")]
public interface IShopIdGrain : IGrainWithIntegerKey
{
    const long Key = 0;
    const long FirstId = 1_000_000_000;

    [Alias("Next")]
    Task<long> Next();
}
