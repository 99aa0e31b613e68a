namespace Mmx.Grains.Catalogue;

public sealed class CatalogueGrain(
    [PersistentState(stateName: "catalogue", storageName: SiloSetup.StorageName)] IPersistentState<CatalogueState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<CatalogueGrain> logger)
    : Grain, ICatalogueGrain
{
    // The id set of the stored version, built once per version (fronts ask after each import).
    private CatalogueIdSet? _ids;

    public async Task<Outcome<ImportCounts>> Import(CatalogueImport document)
    {
        var current = state.State;
        var barcodeOwners = await FindBarcodeOwners(document);
        if (ImportValidator.FirstProblem(document, current, barcodeOwners) is { } problem)
        {
            logger.LogInformation("Import rejected: {Problem}", problem);
            return Outcome<ImportCounts>.Fail(Err.BadRequest, problem);
        }

        logger.LogInformation(
            "Import started: {Cities} cities, {Categories} categories, {Shops} shops, {Goods} goods, {Activities} activities, {Versions} versions",
            document.Cities.Length, document.Categories.Length, document.Shops.Length,
            document.Goods.Length, document.Activities.Length, document.Versions.Length);
        var next = await new ImportApplier(GrainFactory, logger, ShanghaiCalendar.Today(time)).Apply(document, current);
        state.State = next with { Version = current.Version + 1 };
        _ids = null;
        await state.WriteStateAsync();
        logger.LogInformation("Import finished");

        return new ImportCounts
        {
            Cities = document.Cities.Length,
            Categories = document.Categories.Length,
            Shops = document.Shops.Length,
            Goods = document.Goods.Length,
            Activities = document.Activities.Length,
            Versions = document.Versions.Length,
        };
    }

    public Task<CatalogueIdSet?> Ids(long knownVersion)
    {
        // Reads interleave with a running import and see the stored catalogue until it is written.
        var current = state.State;
        if (knownVersion == current.Version) return Task.FromResult<CatalogueIdSet?>(null);
        if (_ids?.Version != current.Version)
        {
            _ids = new CatalogueIdSet { Version = current.Version, Shops = [.. current.ShopCity.Keys], Cities = [.. current.Cities.Keys] };
        }
        return Task.FromResult<CatalogueIdSet?>(_ids);
    }

    public Task<ImmutableArray<City>> GetCities() =>
        Task.FromResult(state.State.Cities.Values.OrderBy(c => c.Id).ToImmutableArray());

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
        Task.FromResult(state.State.ActivityShop.TryGetValue(activity, out var shop) ? Outcome<long>.Ok(shop) : Err.NotFound);

    private async Task<Dictionary<string, long>> FindBarcodeOwners(CatalogueImport document)
    {
        var shards = document.Goods.Where(g => g.Barcode is not null)
            .Select(g => g.Barcode!).ToLookup(CatalogueShards.OfBarcode);
        var found = await Task.WhenAll(shards.Select(shard =>
            GrainFactory.GetGrain<IBarcodeIndexGrain>(shard.Key).Find([.. shard])));
        return found.SelectMany(f => f).ToDictionary(f => f.Key, f => f.Value);
    }
}
