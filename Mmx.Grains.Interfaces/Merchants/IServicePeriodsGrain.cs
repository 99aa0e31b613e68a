namespace Mmx.Grains.Merchants;

/// <summary>
/// When each live merchant service ends (one activation, key <see cref="Key"/>): every silo's
/// watchdog asks it a few times a minute to expire those that ended, so that a shop whose period
/// is over leaves users' view by itself, within seconds, whether or not anyone asks about it.
/// </summary>
[Alias("mmx.merchants.IServicePeriodsGrain")]
public interface IServicePeriodsGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    /// <summary>Notes when a shop's service ends (a later call for the shop replaces it). Idempotent.</summary>
    [Alias("Track")]
    Task Track(long shopId, DateTimeOffset until);

    /// <summary>Expires every service whose end has passed; answers how many it expired.</summary>
    [Alias("ExpireDue"), ResponseTimeout("00:05:00")]
    Task<int> ExpireDue();
}
