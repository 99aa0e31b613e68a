using Mmx.Grains.Accounts;

namespace Mmx.Api.Lookups;

/// <summary>Profiles of several users at once (one in-memory call per user, in parallel), with city names.</summary>
public static class UserCards
{
    public static async Task<Dictionary<long, Profile>> Profiles(IGrainFactory grains, KnownIds known, IEnumerable<long> ids)
    {
        var list = await known.OnlyPossibleAccounts(ids.Distinct());
        var profiles = await Task.WhenAll(list.Select(id => grains.GetGrain<IUserGrain>(id).GetProfile()));
        return list.Zip(profiles).Where(p => p.Second.IsOk).ToDictionary(p => p.First, p => p.Second.Value!);
    }

    public static async Task<Dictionary<long, string>> CityNames(IGrainFactory grains) =>
        (await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetCities()).ToDictionary(c => c.Id, c => c.Name);
}
