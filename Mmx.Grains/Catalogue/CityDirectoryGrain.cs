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
    // The shops as a flat array, ordered by id: walking the immutable dictionary's tree per request
    // would cost several times more.
    private Shop[]? _shops;
    // Built with _shops: the nearest-first index and the shop count of every category.
    private ShopGeoIndex? _geoIndex;
    private Dictionary<long, int>? _categoryCounts;
    // Built with _shops: each shop name's full pinyin and initials, for the search as people type it.
    private Dictionary<long, (string Full, string Initials)>? _pinyin;

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
        _shops = null;
        await state.WriteStateAsync();
    }

    public async Task ApplyActivities(ImmutableArray<Activity> upserts, ImmutableArray<long> removals)
    {
        var before = state.State.Activities;
        var after = before.Apply(upserts, a => a.Id, removals);
        if (after == before) return;
        state.State = state.State with { Activities = after };
        await state.WriteStateAsync();
    }

    public async Task SetCategoryParents(ImmutableDictionary<long, long> parents)
    {
        var current = state.State.CategoryParents;
        if (state.State.CityExists && parents.Count == current.Count
            && parents.All(p => current.TryGetValue(p.Key, out var v) && v == p.Value)) return;
        state.State = state.State with { CategoryParents = parents, CityExists = true };
        await state.WriteStateAsync();
    }

    public Task<Outcome<Page<ShopListItem>>> ListShops(ShopQuery query)
    {
        if (!state.State.CityExists
            || (query.Category is { } asked && !state.State.CategoryParents.ContainsKey(asked)))
        {
            return Task.FromResult<Outcome<Page<ShopListItem>>>(Err.NotFound);
        }

        var categories = query.Category is { } category ? CategoryWithChildren(category) : null;
        var hasPosition = query.Long is not null && query.Lat is not null;
        var shops = Shops();
        var typed = query.Name is { } asName ? PinyinQuery(asName) : null;
        Func<Shop, bool>? match = categories is null && query.Name is null
            ? null
            : shop => (categories is null || categories.Contains(shop.Category))
                && (query.Name is not { } name || shop.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                    || (typed is not null && _pinyin![shop.Id] is var keys
                        && (keys.Full.Contains(typed, StringComparison.Ordinal) || keys.Initials.Contains(typed, StringComparison.Ordinal))));
        // Counting by category needs no scan; only a name search counts its matches.
        var total = query.Name is not null ? shops.Count(match!)
            : categories is null ? shops.Length
            : categories.Sum(c => _categoryCounts!.GetValueOrDefault(c));
        var take = (int)Math.Min((long)query.Offset + query.Count, shops.Length);

        IEnumerable<(Shop Shop, double Distance)> ordered = hasPosition
            ? _geoIndex!.Nearest(query.Long!.Value, query.Lat!.Value, match, take)
            : shops.Where(match ?? (_ => true)).Select(s => (Shop: s, Distance: -1.0))
                .OrderByDescending(m => _fans.GetValueOrDefault(m.Shop.Id)).ThenBy(m => m.Shop.Id);

        var items = ordered.Skip(query.Offset).Take(query.Count)
            .Select(m => new ShopListItem
            {
                Id = m.Shop.Id,
                Name = m.Shop.Name,
                Pictures = m.Shop.Pics,
                Distance = hasPosition ? Math.Round(m.Distance, 2) : -1,
                Fans = _fans.GetValueOrDefault(m.Shop.Id),
                Customers = _customers.GetValueOrDefault(m.Shop.Id),
            })
            .ToImmutableArray();
        return Task.FromResult<Outcome<Page<ShopListItem>>>(new Page<ShopListItem> { Items = items, Total = total });
    }

    public Task<Outcome<ImmutableArray<RecommendedShop>>> Recommended() => Task.FromResult<Outcome<ImmutableArray<RecommendedShop>>>(
        !state.State.CityExists ? Err.NotFound : Shops()
            .Where(s => s.Recommend)
            .Select(s => new RecommendedShop { Id = s.Id, Name = s.Name, Pic = s.FirstPic, Description = s.Dec })
            .ToImmutableArray());

    public Task<Outcome<Page<ActivityView>>> ListActivities(int offset, int count)
    {
        if (!state.State.CityExists) return Task.FromResult<Outcome<Page<ActivityView>>>(Err.NotFound);
        var today = ShanghaiCalendar.Today(time);
        var shops = state.State.Shops;
        var valid = state.State.Activities.Values
            .Where(a => a.IsValidOn(today) && shops.ContainsKey(a.Shop))
            .OrderByDescending(a => a.Bt).ThenBy(a => a.Id)
            .ToList();
        var items = valid.Skip(offset).Take(count)
            .Select(a => ActivityViews.Of(a, shops[a.Shop]))
            .ToImmutableArray();
        return Task.FromResult<Outcome<Page<ActivityView>>>(new Page<ActivityView> { Items = items, Total = valid.Count });
    }

    private Shop[] Shops()
    {
        if (_shops is not null) return _shops;
        _shops = [.. state.State.Shops.Values.OrderBy(s => s.Id)];
        _geoIndex = new ShopGeoIndex(_shops);
        _categoryCounts = _shops.CountBy(s => s.Category).ToDictionary();
        _pinyin = _shops.ToDictionary(s => s.Id, s => Pinyin.Keys(s.Name));
        return _shops;
    }

    /// <summary>A search as typed on a Latin keyboard (youyiku, yyk, "you yi ku"), lower case without spaces; null for any other text.</summary>
    private static string? PinyinQuery(string name)
    {
        var typed = string.Concat(name.Where(c => c != ' ')).ToLowerInvariant();
        return typed.Length > 0 && typed.All(char.IsAsciiLetterOrDigit) ? typed : null;
    }

    private HashSet<long> CategoryWithChildren(long category)
    {
        var set = new HashSet<long> { category };
        foreach (var (child, parent) in state.State.CategoryParents)
        {
            if (parent == category) set.Add(child);
        }
        return set;
    }
}
