using Mmx.Api.Validation;

namespace Mmx.Api.Merchants;

/// <summary>
/// The keys of <see cref="Grains.Merchants.IMerchantNameGrain"/>: a merchant is found by its login
/// name or by its verified phone, one name grain each.
/// </summary>
public static class MerchantNames
{
    public static string NameKey(string account) => "a:" + account;
    public static string PhoneKey(string phone) => "p:" + phone;

    /// <summary>What a merchant typed to name itself: a name starts with a letter, anything else is its phone (err 1 if it is none).</summary>
    public static string KeyOfTyped(string typed, string field) =>
        char.IsAsciiLetter(typed[0]) ? NameKey(typed.ToLowerInvariant()) : PhoneKey(Phone.Required(typed, field));

    /// <summary>The shop of the merchant so named, or null.</summary>
    public static Task<long?> Find(IGrainFactory grains, string key) => grains.GetGrain<Grains.Merchants.IMerchantNameGrain>(key).Owner();
}
