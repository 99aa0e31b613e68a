using Orleans.Utilities;

namespace Mmx.Grains.Catalogue;

public sealed class CatalogueGrain(
    [PersistentState(stateName: "catalogue", storageName: SiloSetup.StorageName)] IPersistentState<CatalogueState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<CatalogueGrain> logger)
    : Grain, ICatalogueGrain
{
    // The id set of the stored version, built once per version (fronts ask after each import).
    private CatalogueIdSet? _ids;

    /// <summary>A front that has not renewed for this long (it renews every 30 s) is no longer told of imports.</summary>
    public static readonly TimeSpan CopiesLapse = TimeSpan.FromSeconds(90);
    /// <summary>How long an import waits for a front to fetch what it changed before counting it as missed.</summary>
    public static readonly TimeSpan CopyBudget = TimeSpan.FromSeconds(10);
    // The fronts' copies of the catalogue (their renewals keep this grain active).
    private readonly ObserverManager<ICatalogueCopyObserver> _copies = new(CopiesLapse, logger);

    public Task SubscribeCopy(ICatalogueCopyObserver copy)
    {
        _copies.Subscribe(copy, copy);
        return Task.CompletedTask;
    }

    public async Task<Outcome<ImportCounts>> Import(CatalogueImport document)
    {
        var current = state.State;
        var barcodeOwners = await FindBarcodeOwners(document);
        if (ImportValidator.FirstProblem(document, current, barcodeOwners) is { } problem)
        {
            logger.LogInformation("Import rejected: {Problem}", problem);
            return Outcome<ImportCounts>.Fail(Err.BadRequest, problem);
        }
        // Checked as sent (a shop twice is refused even when the catalogue's is newer), then applied without the older.
        document = WithoutOlderShops(document, current);
        // Where each named goods item is now: asked once, for the version check and for the applier.
        var goodsShops = await GoodsShops.Find(GrainFactory, document.Goods.Select(g => g.Id).Concat(document.GoodsRemovals));
        document = await WithoutOlderGoods(document, goodsShops);
        // An operator's import changes a shop's details, never whether it is shown.
        if (!document.SetsVisibility && !document.Shops.IsEmpty)
            document = document with { Shops = [.. document.Shops.Select(s => s with { Withdrawn = current.Withdrawn.Contains(s.Id) })] };

        logger.LogInformation(
            "Import started: {Cities} cities, {Categories} categories, {Shops} shops, {Goods} goods, {Activities} activities, {Versions} versions",
            document.Cities.Length, document.Categories.Length, document.Shops.Length,
            document.Goods.Length, document.Activities.Length, document.Versions.Length);
        var applier = new ImportApplier(GrainFactory, logger, ShanghaiCalendar.Today(time));
        var next = await applier.Apply(document, current, goodsShops);
        state.State = next with { Version = current.Version + 1 };
        _ids = null;
        await state.WriteStateAsync();
        var (fronts, missed) = await TellCopies(new CatalogueChange
        {
            Version = state.State.Version,
            // Every city: each import sets every city's category tree.
            Cities = [.. next.Cities.Keys],
            Shops = [.. applier.ShopsWithChangedGoods.Where(next.Shows).Union(document.Shops.Where(s => !s.Withdrawn).Select(s => s.Id))],
            Withdrawn = [.. document.Shops.Where(s => s.Withdrawn).Select(s => s.Id)],
        });
        logger.LogInformation("Import finished; {Fronts} fronts have it, {Missed} did not confirm", fronts, missed);

        return new ImportCounts
        {
            Cities = document.Cities.Length,
            Categories = document.Categories.Length,
            Shops = document.Shops.Length,
            Goods = document.Goods.Length,
            Activities = document.Activities.Length,
            Versions = document.Versions.Length,
            GoodsRemoved = document.GoodsRemovals.Length,
            ActivitiesRemoved = document.ActivityRemovals.Length,
            Provinces = document.Provinces.Length,
            Districts = document.Districts.Length,
            Fronts = fronts,
            FrontsMissed = missed,
        };
    }

    /// <summary>
    /// Stamps the document's unstamped shops with now, and leaves out each shop the catalogue holds
    /// a newer version of (an import made before a merchant's edit, applied after it).
    /// </summary>
    private CatalogueImport WithoutOlderShops(CatalogueImport document, CatalogueState current)
    {
        if (document.Shops.IsEmpty) return document;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var stamped = document.Shops.Select(s => s.Revised > 0 ? s : s with { Revised = now }).ToList();
        var older = stamped.Where(s => current.ShopRevised.TryGetValue(s.Id, out var stored) && stored > s.Revised).ToList();
        if (older.Count > 0)
            logger.LogInformation("Import: {Count} shops left as they are, the catalogue's versions are newer (first: {Shop})", older.Count, older[0].Id);
        var olderIds = older.Select(s => s.Id).ToHashSet();
        return document with { Shops = [.. stamped.Where(s => !olderIds.Contains(s.Id))] };
    }

    /// <summary>
    /// As <see cref="WithoutOlderShops"/> for goods: stamps the unstamped, leaves out each goods
    /// item its shop stores a newer version of.
    /// </summary>
    private async Task<CatalogueImport> WithoutOlderGoods(CatalogueImport document, IReadOnlyDictionary<long, long> goodsShops)
    {
        if (document.Goods.IsEmpty) return document;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var stamped = document.Goods.Select(g => g.Revised > 0 ? g : g with { Revised = now }).ToList();
        var imported = stamped.Select(g => g.Id).ToHashSet();
        var owners = goodsShops.Where(o => imported.Contains(o.Key));
        var stored = await GrainCallBatches.Run(owners.GroupBy(o => o.Value), shop =>
            GrainFactory.GetGrain<IShopGrain>(shop.Key).GoodsRevisions([.. shop.Select(o => o.Key)]));
        var revised = stored.SelectMany(r => r).ToDictionary(r => r.Key, r => r.Value);
        var older = stamped.Where(g => revised.TryGetValue(g.Id, out var storedRevision) && storedRevision > g.Revised).Select(g => g.Id).ToHashSet();
        if (older.Count > 0)
            logger.LogInformation("Import: {Count} goods left as they are, the catalogue's versions are newer (first: {Goods})", older.Count, older.First());
        return document with { Goods = [.. stamped.Where(g => !older.Contains(g.Id))] };
    }

    /// <summary>
    /// Tells every subscribed front what the import changed and waits, each for at most
    /// <see cref="CopyBudget"/>, until it has fetched it. A front that did not confirm is counted,
    /// logged, and catches up by itself (it checks the version every 30 s).
    /// </summary>
    private async Task<(int Reached, int Missed)> TellCopies(CatalogueChange change)
    {
        _copies.ClearExpired();
        var confirmed = await Task.WhenAll(_copies.Observers.Values.Select(async copy =>
        {
            try
            {
                await copy.Changed(change).WaitAsync(CopyBudget);
                return true;
            }
            catch (Exception ex)
            {
                // Whatever kept a front from confirming (gone, slow, failing), the import stands.
                logger.LogWarning("A front did not confirm catalogue version {Version}: {Error}", change.Version, ex.Message);
                return false;
            }
        }));
        return (confirmed.Count(c => c), confirmed.Count(c => !c));
    }

    public Task<CatalogueIdSet?> Ids(long knownVersion)
    {
        // Reads interleave with a running import and see the stored catalogue until it is written.
        var current = state.State;
        if (knownVersion == current.Version) return Task.FromResult<CatalogueIdSet?>(null);
        if (_ids?.Version != current.Version)
        {
            _ids = new CatalogueIdSet { Version = current.Version, Shops = [.. current.ShopCity.Keys.Where(current.Shows)], Cities = [.. current.Cities.Keys] };
        }
        return Task.FromResult<CatalogueIdSet?>(_ids);
    }

    public Task<ImmutableArray<City>> GetCities() =>
        Task.FromResult(state.State.Cities.Values.OrderBy(c => c.Id).ToImmutableArray());

    public Task<Places> GetPlaces() => Task.FromResult(new Places
    {
        Provinces = [.. state.State.Provinces.Values.OrderBy(p => p.Id)],
        Cities = [.. state.State.Cities.Values.OrderBy(c => c.Id)],
        Districts = [.. state.State.Districts.Values.OrderBy(d => d.Id)],
    });

    public Task<bool> CityExists(long city) => Task.FromResult(state.State.Cities.ContainsKey(city));


    public Task<ImmutableArray<CategoryNode>> GetCategoryTree()
    {
        var categories = state.State.Categories.Values;
        var children = categories.Where(c => c.Parent != 0).ToLookup(c => c.Parent);
        return Task.FromResult(categories
            .Where(c => c.Parent == 0)
            .OrderBy(c => c.Id)
            .Select(c => new CategoryNode
            {
                Id = c.Id,
                Name = c.Name,
                Pic = c.Pic,
                Children = [.. children[c.Id].OrderBy(k => k.Id).Select(k => new CategoryLeaf { Id = k.Id, Name = k.Name, Pic = k.Pic })],
            })
            .ToImmutableArray());
    }

    public Task<Outcome<AppVersion>> GetVersion(int sys) =>
        Task.FromResult<Outcome<AppVersion>>(state.State.Versions.TryGetValue(sys, out var version) ? version : Err.NotFound);

    public Task<Outcome<long>> FindActivityShop(long activity) =>
        Task.FromResult(state.State.ActivityShop.TryGetValue(activity, out var shop) && state.State.Shows(shop) ? Outcome<long>.Ok(shop) : Err.NotFound);

    public async Task<Err> SetShown(long shop, bool shown)
    {
        if (!state.State.ShopCity.ContainsKey(shop)) return Err.NotFound;
        if (state.State.Shows(shop) == shown) return Err.Ok;
        var stored = await GrainFactory.GetGrain<IShopGrain>(shop).Stored();
        if (stored is null) return Err.NotFound;
        var done = await Import(new CatalogueImport { Shops = [stored with { Withdrawn = !shown, Revised = 0 }], SetsVisibility = true });
        return done.Err;
    }

    private async Task<Dictionary<string, long>> FindBarcodeOwners(CatalogueImport document)
    {
        var shards = document.Goods.Where(g => g.Barcode is not null)
            .Select(g => g.Barcode!).ToLookup(CatalogueShards.OfBarcode);
        var found = await Task.WhenAll(shards.Select(shard =>
            GrainFactory.GetGrain<IBarcodeIndexGrain>(shard.Key).Find([.. shard])));
        return found.SelectMany(f => f).ToDictionary(f => f.Key, f => f.Value);
    }
}
