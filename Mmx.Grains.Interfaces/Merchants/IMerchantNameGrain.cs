namespace Mmx.Grains.Merchants;

/// <summary>
/// One login identity of merchants (key: <c>a:{login name}</c> or <c>p:{phone}</c>): which
/// merchant it names. Claimed at sign-up, first come first served.
/// </summary>
[Alias("mmx.merchants.IMerchantNameGrain")]
public interface IMerchantNameGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims the name for <paramref name="shopId"/> unless another merchant holds it; a holder
    /// named in <paramref name="abandoned"/> (a sign-up that never completed) gives way. Answers
    /// the holder afterwards: <paramref name="shopId"/> when the claim took.
    /// </summary>
    [Alias("Claim")]
    Task<long> Claim(long shopId, long abandoned);

    /// <summary>The merchant this name belongs to, or null.</summary>
    [Alias("Owner"), ReadOnly]
    Task<long?> Owner();

    /// <summary>Gives the name back, only while <paramref name="shopId"/> holds it. Idempotent.</summary>
    [Alias("Release")]
    Task Release(long shopId);
}
