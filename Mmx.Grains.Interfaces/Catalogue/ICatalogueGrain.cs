namespace Mmx.Grains.Catalogue;

/// <summary>
/// The catalogue's root (one activation, key <see cref="Key"/>): cities, categories and app
/// versions, the shop-to-city and activity-to-shop maps, and the import that keeps every other
/// catalogue grain in step. Imports run one at a time; reads interleave with a running import and
/// see the catalogue as it was before it.
/// </summary>
[Alias("mmx.catalogue.ICatalogueGrain")]
public interface ICatalogueGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    /// <summary>
    /// Checks the whole document against the catalogue, then upserts all of it (answering the
    /// counts) or nothing (BadRequest, with the first problem found as the message).
    /// </summary>
    [Alias("Import"), ResponseTimeout("00:10:00")]
    Task<Outcome<ImportCounts>> Import(CatalogueImport document);

    /// <summary>
    /// Tells this front's copy of every import until it stops renewing (a front renews every 30 s;
    /// silent for <c>CatalogueGrain.CopiesLapse</c>, it is forgotten).
    /// </summary>
    [Alias("SubscribeCopy"), AlwaysInterleave]
    Task SubscribeCopy(ICatalogueCopyObserver copy);
    /// <summary>The ids of every shop and city, or null when the catalogue is still at <paramref name="knownVersion"/>.</summary>
    [Alias("Ids"), AlwaysInterleave]
    Task<CatalogueIdSet?> Ids(long knownVersion);

    /// <summary>Every city, by id.</summary>
    [Alias("GetCities"), AlwaysInterleave]
    Task<ImmutableArray<City>> GetCities();

    /// <summary>Every province, city and district (the reference routes filter them).</summary>
    [Alias("GetPlaces"), AlwaysInterleave]
    Task<Places> GetPlaces();

    /// <summary>Whether a city exists.</summary>
    [Alias("CityExists"), AlwaysInterleave]
    Task<bool> CityExists(long city);

    /// <summary>Top-level categories with their children, by id.</summary>
    [Alias("GetCategoryTree"), AlwaysInterleave]
    Task<ImmutableArray<CategoryNode>> GetCategoryTree();

    /// <summary>The newest release for a system; NotFound when none was imported for it.</summary>
    [Alias("GetVersion"), AlwaysInterleave]
    Task<Outcome<AppVersion>> GetVersion(int sys);

    /// <summary>
    /// Shows or withdraws a shop that has no merchant account (an operator's status change of an
    /// imported shop), through the import's path. NotFound for an unknown shop. Idempotent.
    /// </summary>
    [Alias("SetShown"), ResponseTimeout("00:02:00")]
    Task<Err> SetShown(long shop, bool shown);

    /// <summary>The shop an activity belongs to; NotFound for an unknown activity (or one of a withdrawn shop).</summary>
    [Alias("FindActivityShop"), AlwaysInterleave]
    Task<Outcome<long>> FindActivityShop(long activity);
}
