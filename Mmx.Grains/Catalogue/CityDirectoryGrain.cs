namespace Mmx.Grains.Catalogue;

[GenerateSerializer, Alias("mmx.catalogue.CityDirectoryState")]
public sealed record CityDirectoryState
{
    [Id(0)] public ImmutableDictionary<long, Shop> Shops { get; init; } = ImmutableDictionary<long, Shop>.Empty;
    [Id(1)] public ImmutableDictionary<long, Activity> Activities { get; init; } = ImmutableDictionary<long, Activity>.Empty;
    /// <summary>Category id to parent id (0 for top level), for widening a parent to its children.</summary>
    [Id(2)] public ImmutableDictionary<long, long> CategoryParents { get; init; } = ImmutableDictionary<long, long>.Empty;
    /// <summary>Set by the catalogue for every imported city; a directory of an unknown id stays false.</summary>
    [Id(3)] public bool CityExists { get; init; }
    /// <summary>The last fan count each shop pushed; saved lazily (see <see cref="CityDirectoryGrain.SaveDelay"/>).</summary>
    [Id(4)] public ImmutableDictionary<long, long> Fans { get; init; } = ImmutableDictionary<long, long>.Empty;
}

public sealed class CityDirectoryGrain(
    [PersistentState(stateName: "city-directory", storageName: SiloSetup.StorageName)] IPersistentState<CityDirectoryState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time)
    : Grain, ICityDirectoryGrain
{
    // What the directory lists, answered from memory; built again after each change.
    private CityListing? _listing;

    // Live counts pushed by the shops' shop-life grains. Customers are presence, kept in memory
    // like presence itself; fan counts are saved at most every SaveDelay, so a restart loses at
    // most that much of them until the shops push again.
    public static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(10);
    private readonly Dictionary<long, long> _customers = [];
    private Dictionary<long, long> _fans = [];
    private bool _fansDirty;
    private IGrainTimer? _saveTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _fans = new Dictionary<long, long>(state.State.Fans);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_fansDirty) await SaveFans();
    }

    public Task UpdateCounts(ImmutableArray<ShopLife.ShopCounts> counts)
    {
        foreach (var c in counts)
        {
            _customers[c.ShopId] = c.Customers;
            if (_fans.GetValueOrDefault(c.ShopId) == c.Fans) continue;
            _fans[c.ShopId] = c.Fans;
            _fansDirty = true;
        }
        if (_fansDirty && _saveTimer is null)
        {
            _saveTimer = this.RegisterGrainTimer(SaveFans, new GrainTimerCreationOptions(SaveDelay, Timeout.InfiniteTimeSpan));
        }
        return Task.CompletedTask;
    }

    private async Task SaveFans()
    {
        _saveTimer?.Dispose();
        _saveTimer = null;
        _fansDirty = false;
        state.State = state.State with { Fans = _fans.ToImmutableDictionary() };
        await state.WriteStateAsync();
    }

    public async Task ApplyShops(ImmutableArray<Shop> upserts, ImmutableArray<long> removals)
    {
        var before = state.State.Shops;
        var after = before.Apply(upserts, s => s.Id, removals);
        if (after == before) return;
        state.State = state.State with { Shops = after };
        _listing = null;
        await state.WriteStateAsync();
    }

    public async Task ApplyActivities(ImmutableArray<Activity> upserts, ImmutableArray<long> removals)
    {
        var before = state.State.Activities;
        var after = before.Apply(upserts, a => a.Id, removals);
        if (after == before) return;
        state.State = state.State with { Activities = after };
        _listing = null;
        await state.WriteStateAsync();
    }

    public async Task SetCategoryParents(ImmutableDictionary<long, long> parents)
    {
        var current = state.State.CategoryParents;
        if (state.State.CityExists && parents.Count == current.Count
            && parents.All(p => current.TryGetValue(p.Key, out var v) && v == p.Value)) return;
        state.State = state.State with { CategoryParents = parents, CityExists = true };
        _listing = null;
        await state.WriteStateAsync();
    }

    public Task<CityListingData> Export() => Task.FromResult(Listing().Data);

    public Task<CityCounts> Counts() => Task.FromResult(new CityCounts
    {
        Fans = _fans.ToImmutableDictionary(),
        Customers = _customers.ToImmutableDictionary(),
    });

    public Task<Outcome<Page<ShopListItem>>> ListShops(ShopQuery query) =>
        Task.FromResult(Listing().ListShops(query, _fans, _customers));

    public Task<Outcome<ImmutableArray<RecommendedShop>>> Recommended() => Task.FromResult(Listing().Recommended());

    public Task<Outcome<Page<ActivityView>>> ListActivities(int offset, int count) =>
        Task.FromResult(Listing().ListActivities(ShanghaiCalendar.Today(time), offset, count));

    private CityListing Listing() => _listing ??= new CityListing(new CityListingData
    {
        CityExists = state.State.CityExists,
        Shops = [.. state.State.Shops.Values],
        Activities = [.. state.State.Activities.Values],
        CategoryParents = state.State.CategoryParents,
    });
}
