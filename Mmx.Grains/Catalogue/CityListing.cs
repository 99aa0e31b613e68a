namespace Mmx.Grains.Catalogue;

/// <summary>
/// A city's listings answered from memory: shops by category, name or pinyin, nearest first or
/// by fans; recommended shops; today's activities. Built once from what the city's directory
/// holds and never changed; the directory grain and every API front's copy of the catalogue
/// answer through it, so both give the same answer. Live counts are passed in per call.
/// </summary>
public sealed class CityListing
{
    private readonly CityListingData _data;
    // The shops as a flat array, ordered by id: walking an immutable dictionary's tree per request
    // would cost several times more.
    private readonly Shop[] _shops;
    private readonly Dictionary<long, Shop> _byId;
    private readonly ShopGeoIndex _geoIndex;
    private readonly Dictionary<long, int> _categoryCounts;
    // Each shop name's full pinyin and initials, for the search as people type it.
    private readonly Dictionary<long, PinyinName> _pinyin;

    public CityListing(CityListingData data)
    {
        _data = data;
        _shops = [.. data.Shops.OrderBy(s => s.Id)];
        _byId = _shops.ToDictionary(s => s.Id);
        _geoIndex = new ShopGeoIndex(_shops);
        _categoryCounts = _shops.CountBy(s => s.Category).ToDictionary();
        _pinyin = _shops.ToDictionary(s => s.Id, s => Pinyin.Keys(s.Name));
    }

    public CityListingData Data => _data;

    /// <summary>The shop of this city with this id, if any.</summary>

    /// <param name="fans">Each shop's fan count (absent: 0).</param>
    /// <param name="customers">Each shop's customers now (absent: 0).</param>
    public Outcome<Page<ShopListItem>> ListShops(ShopQuery query, IReadOnlyDictionary<long, long> fans, IReadOnlyDictionary<long, long> customers)
    {
        if (!_data.CityExists || (query.Category is { } asked && !_data.CategoryParents.ContainsKey(asked))) return Err.NotFound;

        var categories = query.Category is { } category ? CategoryWithChildren(category) : null;
        var hasPosition = query.Long is not null && query.Lat is not null;
        var typed = query.Name is { } asName ? PinyinQuery(asName) : null;
        Func<Shop, bool>? match = categories is null && query.Name is null
            ? null
            : shop => (categories is null || categories.Contains(shop.Category))
                && (query.Name is not { } name || shop.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                    || (typed is not null && _pinyin[shop.Id].Matches(typed)));
        // Counting by category needs no scan; only a name search counts its matches.
        var total = query.Name is not null ? _shops.Count(match!)
            : categories is null ? _shops.Length
            : categories.Sum(c => _categoryCounts.GetValueOrDefault(c));
        var take = (int)Math.Min((long)query.Offset + query.Count, _shops.Length);

        IEnumerable<(Shop Shop, double Distance)> ordered = hasPosition
            ? _geoIndex.Nearest(query.Long!.Value, query.Lat!.Value, match, take)
            : _shops.Where(match ?? (_ => true)).Select(s => (Shop: s, Distance: -1.0))
                .OrderByDescending(m => fans.GetValueOrDefault(m.Shop.Id)).ThenBy(m => m.Shop.Id);

        var items = ordered.Skip(query.Offset).Take(query.Count)
            .Select(m => new ShopListItem
            {
                Id = m.Shop.Id,
                Name = m.Shop.Name,
                Pictures = m.Shop.Pics,
                Distance = hasPosition ? Math.Round(m.Distance, 2) : -1,
                Fans = fans.GetValueOrDefault(m.Shop.Id),
                Customers = customers.GetValueOrDefault(m.Shop.Id),
            })
            .ToImmutableArray();
        return new Page<ShopListItem> { Items = items, Total = total };
    }

    public Outcome<ImmutableArray<RecommendedShop>> Recommended() => !_data.CityExists ? Err.NotFound : _shops
        .Where(s => s.Recommend)
        .Select(s => new RecommendedShop { Id = s.Id, Name = s.Name, Pic = s.FirstPic, Description = s.Dec })
        .ToImmutableArray();

    /// <summary>A page of the activities valid on <paramref name="today"/> (Asia/Shanghai), newest start first.</summary>
    public Outcome<Page<ActivityView>> ListActivities(DateOnly today, int offset, int count)
    {
        if (!_data.CityExists) return Err.NotFound;
        var valid = _data.Activities
            .Where(a => a.IsValidOn(today) && _byId.ContainsKey(a.Shop))
            .OrderByDescending(a => a.Bt).ThenBy(a => a.Id)
            .ToList();
        var items = valid.Skip(offset).Take(count)
            .Select(a => ActivityViews.Of(a, _byId[a.Shop]))
            .ToImmutableArray();
        return new Page<ActivityView> { Items = items, Total = valid.Count };
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
        foreach (var (child, parent) in _data.CategoryParents)
        {
            if (parent == category) set.Add(child);
        }
        return set;
    }
}
