using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mmx.Api.Lookups;

/// <summary>
/// This front's copy of the catalogue: every city's listing and every shop's goods, so listings,
/// goods pages and goods look-ups are answered from this process's memory, without a grain call
/// (in cluster mode, without a network hop). Loaded whole at start (the front is not ready until
/// it is); then the catalogue grain tells it what each import changed and waits until it has
/// fetched that, so an import has reached every front when it answers. Every 30 s the front renews
/// that subscription and checks the catalogue's version (a front the catalogue forgot, or one that
/// missed an import, loads again). Live counts (fans, customers) are fetched every second from the
/// cities' directories: a listing's counts are at most about a second old, as the directories' own
/// are. docs/decisions.md, "The catalogue in every front".
/// </summary>
public sealed class CatalogueCopy(IGrainFactory grains, ILogger<CatalogueCopy> logger) : BackgroundService, ICatalogueCopyObserver
{
    /// <summary>How often the live counts are fetched.</summary>
    public static readonly TimeSpan CountsPeriod = TimeSpan.FromSeconds(1);
    /// <summary>How often the subscription is renewed and the version checked.</summary>
    public static readonly TimeSpan RenewPeriod = TimeSpan.FromSeconds(30);
    private const int Parallelism = 32;

    /// <summary>One version of the catalogue as this front holds it; replaced whole, never changed.</summary>
    private sealed record Contents(
        long Version,
        ImmutableDictionary<long, CityListing> Cities,
        ImmutableDictionary<long, ShopGoods> Shops,
        ImmutableDictionary<long, long> GoodsShop);

    private sealed record Counts(Dictionary<long, long> Fans, Dictionary<long, long> Customers);

    private static readonly Counts NoCounts = new([], []);

    private volatile Contents? _contents;
    private volatile ImmutableDictionary<long, Counts> _counts = ImmutableDictionary<long, Counts>.Empty;
    // One load at a time: the start, an import's change, a version check.
    private readonly SemaphoreSlim _loading = new(1, 1);
    private ICatalogueCopyObserver? _reference;
    // Whether the last refresh failed: a cluster that stays away is logged once, not every second.
    private bool _failing;

    private ICatalogueGrain Catalogue => grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key);

    /// <summary>Whether the whole catalogue has been loaded (the front's readiness).</summary>
    public bool IsLoaded => _contents is not null;

    /// <summary>The catalogue version this front answers from; -1 before the first load.</summary>
    public long Version => _contents?.Version ?? -1;

    /// <summary>A page of a city's shops from the copy, or null when the copy does not hold the city (ask its grain).</summary>
    public Outcome<Page<ShopListItem>>? ListShops(long city, ShopQuery query)
    {
        if (_contents?.Cities.GetValueOrDefault(city) is not { } listing) return null;
        var counts = _counts.GetValueOrDefault(city, NoCounts);
        return listing.ListShops(query, counts.Fans, counts.Customers);
    }

    /// <summary>A city's listing from the copy, or null when the copy does not hold it.</summary>
    public CityListing? City(long city) => _contents?.Cities.GetValueOrDefault(city);

    /// <summary>A shop's goods from the copy, or null when the copy does not hold the shop.</summary>
    public ShopGoods? GoodsOf(long shop) => _contents?.Shops.GetValueOrDefault(shop);

    /// <summary>A goods item by id from the copy, or null when the copy does not hold it.</summary>
    public Goods? FindGoods(long goods) =>
        _contents is { } contents && contents.GoodsShop.TryGetValue(goods, out var shop) ? contents.Shops[shop].Find(goods) : null;

    /// <summary>An import's change: fetched before this returns (the import waits for it).</summary>
    public async Task Changed(CatalogueChange change)
    {
        await _loading.WaitAsync();
        try
        {
            var current = _contents;
            if (current is not null && change.Version <= current.Version) return;
            // A change that does not follow the version held means one was missed: load it all.
            _contents = current is not null && change.Version == current.Version + 1
                ? Without(await Fetch(current, change.Version, change.Cities, change.Shops), change.Withdrawn)
                : await LoadAll(await Catalogue.Ids(-1) ?? throw new InvalidOperationException("the catalogue answered no id set"));
            logger.LogInformation("Catalogue copy at version {Version}", _contents.Version);
        }
        finally
        {
            _loading.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<ICatalogueCopyObserver>(this);
        var ticksPerRenewal = (int)(RenewPeriod / CountsPeriod);
        using var timer = new PeriodicTimer(CountsPeriod);
        try
        {
            var tick = 0;
            do
            {
                await Refresh(renew: tick++ % ticksPerRenewal == 0 || _contents is null, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Refresh(bool renew, CancellationToken stoppingToken)
    {
        try
        {
            if (renew)
            {
                // Subscribed first, so an import from now on is told here; then the version check.
                await Catalogue.SubscribeCopy(_reference!);
                await CatchUp();
            }
            await FetchCounts(stoppingToken);
            if (_failing) logger.LogInformation("The catalogue copy is refreshed again");
            _failing = false;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            if (!_failing) logger.LogWarning("The catalogue copy could not be refreshed ({Error}); trying again every second", ex.Message);
            _failing = true;
        }
    }

    /// <summary>Loads the whole catalogue when this front holds none or an older version than the catalogue's.</summary>
    private async Task CatchUp()
    {
        if (await Catalogue.Ids(Version) is null) return;
        await _loading.WaitAsync();
        try
        {
            // Asked again under the lock: a change told meanwhile may have brought this front up to date.
            var ids = await Catalogue.Ids(Version);
            if (ids is null) return;
            _contents = await LoadAll(ids);
            logger.LogInformation("Catalogue copy loaded: version {Version}, {Cities} cities, {Shops} shops",
                _contents.Version, _contents.Cities.Count, _contents.Shops.Count);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The whole catalogue of the version whose id set is <paramref name="ids"/>.</summary>
    private async Task<Contents> LoadAll(CatalogueIdSet ids)
    {
        var empty = new Contents(ids.Version, ImmutableDictionary<long, CityListing>.Empty,
            ImmutableDictionary<long, ShopGoods>.Empty, ImmutableDictionary<long, long>.Empty);
        return await Fetch(empty, ids.Version, ids.Cities, ids.Shops);
    }

    /// <summary>The contents with these cities' listings and these shops' goods fetched again.</summary>
    private async Task<Contents> Fetch(Contents from, long version, IReadOnlyCollection<long> cities, IReadOnlyCollection<long> shops)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism };
        var listings = new System.Collections.Concurrent.ConcurrentDictionary<long, CityListing>();
        await Parallel.ForEachAsync(cities, options, async (city, _) =>
            listings[city] = new CityListing(await grains.GetGrain<ICityDirectoryGrain>(city).Export()));
        var goods = new System.Collections.Concurrent.ConcurrentDictionary<long, ShopGoods>();
        await Parallel.ForEachAsync(shops, options, async (shop, _) =>
            goods[shop] = new ShopGoods(await grains.GetGrain<IShopGrain>(shop).AllGoods()));

        var goodsShop = from.GoodsShop.ToBuilder();
        foreach (var (shop, fetched) in goods)
        {
            // A goods item that moved to another shop is re-pointed below; one that left this shop is dropped.
            if (from.Shops.TryGetValue(shop, out var before))
            {
                foreach (var old in before.All) if (goodsShop.GetValueOrDefault(old.Id) == shop) goodsShop.Remove(old.Id);
            }
            foreach (var item in fetched.All) goodsShop[item.Id] = shop;
        }
        return new Contents(version, from.Cities.SetItems(listings), from.Shops.SetItems(goods), goodsShop.ToImmutable());
    }

    /// <summary>The contents without these shops (withdrawn: users see none of their goods).</summary>
    private static Contents Without(Contents contents, ImmutableArray<long> shops)
    {
        if (shops.IsDefaultOrEmpty) return contents;
        var goodsShop = contents.GoodsShop.ToBuilder();
        foreach (var shop in shops)
        {
            if (!contents.Shops.TryGetValue(shop, out var held)) continue;
            foreach (var item in held.All) if (goodsShop.GetValueOrDefault(item.Id) == shop) goodsShop.Remove(item.Id);
        }
        return contents with { Shops = contents.Shops.RemoveRange(shops), GoodsShop = goodsShop.ToImmutable() };
    }

    private async Task FetchCounts(CancellationToken cancellation)
    {
        if (_contents is not { } contents) return;
        var fetched = new System.Collections.Concurrent.ConcurrentDictionary<long, Counts>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };
        await Parallel.ForEachAsync(contents.Cities.Keys, options, async (city, _) =>
        {
            var counts = await grains.GetGrain<ICityDirectoryGrain>(city).Counts();
            fetched[city] = new Counts(new Dictionary<long, long>(counts.Fans), new Dictionary<long, long>(counts.Customers));
        });
        _counts = _counts.SetItems(fetched);
    }

    /// <summary>The front is ready once its copy of the catalogue is loaded.</summary>
    public sealed class Ready(CatalogueCopy copy) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(copy.IsLoaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the catalogue is not loaded yet"));
    }
}

public static class CatalogueCopyRegistration
{
    public static IServiceCollection AddCatalogueCopy(this IServiceCollection services)
    {
        services.AddSingleton<CatalogueCopy>();
        services.AddHostedService(s => s.GetRequiredService<CatalogueCopy>());
        services.AddHealthChecks().AddCheck<CatalogueCopy.Ready>("catalogue-copy", tags: ["ready"]);
        return services;
    }
}
