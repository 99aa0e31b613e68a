namespace Mmx.Grains.Catalogue;

/// <summary>
/// Checks an import document against itself and the catalogue it would join: every reference
/// resolves, ids and barcodes are unique, the category tree stays two levels deep. The API front
/// has already checked each field on its own. Answers the first problem, or null.
/// </summary>
internal static class ImportValidator
{
    public static string? FirstProblem(CatalogueImport doc, CatalogueState current,
        IReadOnlyDictionary<string, long> barcodeOwners)
    {
        return Duplicates(doc.Provinces.Select(p => p.Id), "provinces")
            ?? Duplicates(doc.Districts.Select(d => d.Id), "districts")
            ?? Duplicates(doc.Cities.Select(c => c.Id), "cities")
            ?? Places(doc, current)
            ?? Duplicates(doc.Categories.Select(c => c.Id), "categories")
            ?? Duplicates(doc.Shops.Select(s => s.Id), "shops")
            ?? Duplicates(doc.Goods.Select(g => g.Id), "goods")
            ?? Duplicates(doc.Activities.Select(a => a.Id), "activities")
            ?? Categories(doc, current)
            ?? Shops(doc, current)
            ?? ShopReferences(doc.Goods.Select(g => g.Shop), "goods", doc, current)
            ?? ShopReferences(doc.Activities.Select(a => a.Shop), "activities", doc, current)
            ?? Barcodes(doc, barcodeOwners)
            ?? KeptAndRemoved(doc.Goods.Select(g => g.Id), doc.GoodsRemovals, "goods")
            ?? KeptAndRemoved(doc.Activities.Select(a => a.Id), doc.ActivityRemovals, "activities");
    }

    /// <summary>A record the document both upserts and removes is a contradiction, not an order.</summary>
    private static string? KeptAndRemoved(IEnumerable<long> upserted, ImmutableArray<long> removed, string list)
    {
        var both = upserted.Intersect(removed).Select(id => (long?)id).FirstOrDefault();
        return both is { } id ? $"{list}: {id} is both given and removed" : null;
    }

    private static string? Duplicates(IEnumerable<long> ids, string list, string field = "id")
    {
        var seen = new HashSet<long>();
        var index = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id)) return $"{list}[{index}]: {field} {id} appears twice in the document";
            index++;
        }
        return null;
    }

    private static string? Categories(CatalogueImport doc, CatalogueState current)
    {
        var parents = current.CategoryParents().SetItems(doc.Categories.Select(c => KeyValuePair.Create(c.Id, c.Parent)));
        for (var i = 0; i < doc.Categories.Length; i++)
        {
            var category = doc.Categories[i];
            if (category.Parent == 0) continue;
            if (category.Parent == category.Id) return $"categories[{i}]: a category cannot be its own parent";
            if (!parents.TryGetValue(category.Parent, out var grandParent))
                return $"categories[{i}]: parent {category.Parent} does not exist";
            if (grandParent != 0) return $"categories[{i}]: parent {category.Parent} is itself a child; categories are two levels deep";
        }
        // A category that becomes a child must not keep children of its own.
        foreach (var (id, parent) in parents)
        {
            if (parent != 0 && parents.TryGetValue(parent, out var grandParent) && grandParent != 0)
                return $"categories: category {id} would sit three levels deep under {grandParent}";
        }
        return null;
    }

    /// <summary>A city's province and a district's city exist, in the document or the catalogue.</summary>
    private static string? Places(CatalogueImport doc, CatalogueState current)
    {
        var provinces = doc.Provinces.Select(p => p.Id).ToHashSet();
        for (var i = 0; i < doc.Cities.Length; i++)
        {
            var province = doc.Cities[i].Province;
            if (province != 0 && !provinces.Contains(province) && !current.Provinces.ContainsKey(province))
                return $"cities[{i}]: province {province} does not exist";
        }
        var cities = doc.Cities.Select(c => c.Id).ToHashSet();
        for (var i = 0; i < doc.Districts.Length; i++)
        {
            var city = doc.Districts[i].City;
            if (!cities.Contains(city) && !current.Cities.ContainsKey(city)) return $"districts[{i}]: city {city} does not exist";
        }
        return null;
    }

    private static string? Shops(CatalogueImport doc, CatalogueState current)
    {
        var cities = doc.Cities.Select(c => c.Id).ToHashSet();
        var categories = doc.Categories.Select(c => c.Id).ToHashSet();
        for (var i = 0; i < doc.Shops.Length; i++)
        {
            var shop = doc.Shops[i];
            if (!cities.Contains(shop.City) && !current.Cities.ContainsKey(shop.City))
                return $"shops[{i}]: city {shop.City} does not exist";
            if (!categories.Contains(shop.Category) && !current.Categories.ContainsKey(shop.Category))
                return $"shops[{i}]: category {shop.Category} does not exist";
        }
        return null;
    }

    private static string? ShopReferences(IEnumerable<long> shops, string list, CatalogueImport doc, CatalogueState current)
    {
        var imported = doc.Shops.Select(s => s.Id).ToHashSet();
        var index = 0;
        foreach (var shop in shops)
        {
            if (!imported.Contains(shop) && !current.ShopCity.ContainsKey(shop))
                return $"{list}[{index}]: shop {shop} does not exist";
            index++;
        }
        return null;
    }

    /// <summary>
    /// A barcode names one goods item: unique in the document, and not held by another goods item
    /// in the catalogue unless the document gives that item a different barcode.
    /// </summary>
    private static string? Barcodes(CatalogueImport doc, IReadOnlyDictionary<string, long> owners)
    {
        var newBarcodes = doc.Goods.ToDictionary(g => g.Id, g => g.Barcode);
        var seen = new Dictionary<string, long>();
        for (var i = 0; i < doc.Goods.Length; i++)
        {
            var goods = doc.Goods[i];
            if (goods.Barcode is not { } barcode) continue;
            if (!seen.TryAdd(barcode, goods.Id))
                return $"goods[{i}]: barcode {barcode} is also given to goods {seen[barcode]}";
            if (owners.TryGetValue(barcode, out var owner) && owner != goods.Id
                && !(newBarcodes.TryGetValue(owner, out var ownersNew) && ownersNew != barcode))
                return $"goods[{i}]: barcode {barcode} already belongs to goods {owner}";
        }
        return null;
    }
}
