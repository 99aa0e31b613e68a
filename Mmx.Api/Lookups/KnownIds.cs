using Mmx.Api.Lookups;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Lookups;

/// <summary>
/// Which shop, city and account ids exist, answered from this front's memory so that a made-up id
/// (a scan, a flood of random ids) is refused without activating a grain for it (contract
/// "Hardening"; each such activation held memory and, in cluster mode, cost a storage read).
/// The catalogue's id set and the accID bound are fetched again when an id is not in them, so an
/// import or a sign-up on another front is seen at once; concurrent misses share one fetch.
/// </summary>
public sealed class KnownIds
{
    private readonly SharedRefresh<CatalogueSnapshot> _catalogue;
    private readonly SharedRefresh<AccountBound> _accounts;

    private readonly IGrainFactory _grains;
    private readonly CatalogueCopy _copy;

    public KnownIds(IGrainFactory grains, CatalogueCopy copy)
    {
        _grains = grains;
        _copy = copy;
        _catalogue = new(async known =>
        {
            var ids = await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Ids(known?.Version ?? -1);
            return ids is null && known is not null ? known : new CatalogueSnapshot(ids!);
        });
        _accounts = new(async _ => new AccountBound(await grains.GetGrain<IAccountIdGrain>(IAccountIdGrain.Key).HandedOutBelow()));
    }

    private sealed class CatalogueSnapshot(CatalogueIdSet ids)
    {
        public long Version { get; } = ids.Version;
        public HashSet<long> Shops { get; } = [.. ids.Shops];
        public HashSet<long> Cities { get; } = [.. ids.Cities];
    }

    private sealed record AccountBound(long Below);

    public ValueTask<bool> IsShop(long id) => InCatalogue(c => c.Shops.Contains(id));

    public ValueTask<bool> IsCity(long id) => InCatalogue(c => c.Cities.Contains(id));

    /// <summary>Whether an accID may hold an account (it was handed out); whether it does is the user grain's answer.</summary>
    public ValueTask<bool> MayBeAccount(long id)
    {
        if (id <= 0) return ValueTask.FromResult(false);
        if (_accounts.Current is { } bound && id < bound.Below) return ValueTask.FromResult(true);
        return Fetched(_accounts.Refresh(), b => id < b.Below);
    }

    /// <summary>Whether an account has this id: screened here, then asked of its user grain.</summary>
    public async ValueTask<bool> IsAccount(long id) => await MayBeAccount(id) && await _grains.GetGrain<IUserGrain>(id).Exists();

    /// <summary>The shops among these ids, in their order.</summary>
    public async ValueTask<List<long>> OnlyShops(IEnumerable<long> ids)
    {
        var asked = ids.ToList();
        if (_catalogue.Current is not { } current || !asked.All(current.Shops.Contains)) current = await _catalogue.Refresh();
        return asked.Where(current.Shops.Contains).ToList();
    }

    /// <summary>The ids among these that may hold an account, in their order.</summary>
    public async ValueTask<List<long>> OnlyPossibleAccounts(IEnumerable<long> ids)
    {
        var asked = ids.ToList();
        var below = _accounts.Current?.Below ?? 0;
        if (asked.Any(id => id >= below)) below = (await _accounts.Refresh()).Below;
        return asked.Where(id => id > 0 && id < below).ToList();
    }

    /// <summary>err 4 for a shop id that is no shop.</summary>
    public async ValueTask RequireShop(long id)
    {
        if (!await IsShop(id)) throw ApiException.NotFound("shop");
    }

    /// <summary>err 4 for a city id that is no city.</summary>
    public async ValueTask RequireCity(long id)
    {
        if (!await IsCity(id)) throw ApiException.NotFound("city");
    }

    /// <summary>
    /// From the id set held, unless the front's copy of the catalogue is at a later version (an
    /// import or a status change since: the copy has it before the change answers): then, as for
    /// an id not held, from a fresh one. So a shop withdrawn a moment ago is unknown at once.
    /// </summary>
    private ValueTask<bool> InCatalogue(Func<CatalogueSnapshot, bool> holds) =>
        _catalogue.Current is { } current && holds(current) && current.Version >= _copy.Version
            ? ValueTask.FromResult(true)
            : Fetched(_catalogue.Refresh(), holds);

    private static async ValueTask<bool> Fetched<T>(Task<T> fetch, Func<T, bool> holds) => holds(await fetch);
}
