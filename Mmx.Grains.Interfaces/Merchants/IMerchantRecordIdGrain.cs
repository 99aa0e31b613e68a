namespace Mmx.Grains.Merchants;

/// <summary>
/// Hands out the ids of the goods and activities merchants publish (key: <see cref="Goods"/> or
/// <see cref="Activities"/>), from <see cref="FirstId"/> on so that they never meet an imported
/// id: unique across silos and restarts.
/// </summary>
[Alias("mmx.merchants.IMerchantRecordIdGrain")]
public interface IMerchantRecordIdGrain : IGrainWithStringKey
{
    const string Goods = "goods";
    const string Activities = "activities";
    const long FirstId = 1_000_000_000_000;

    [Alias("Next")]
    Task<long> Next();
}
