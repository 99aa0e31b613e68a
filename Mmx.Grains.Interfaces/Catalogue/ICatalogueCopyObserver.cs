namespace Mmx.Grains.Catalogue;

/// <summary>
/// An API front's copy of the catalogue, told of every import. The import waits for each front to
/// have fetched what changed, so a listing on any front shows the import once it has answered.
/// </summary>
[Alias("mmx.catalogue.ICatalogueCopyObserver")]
public interface ICatalogueCopyObserver : IGrainObserver
{
    /// <summary>Fetches what <paramref name="change"/> names; completes when this front answers from it.</summary>
    [Alias("Changed")]
    Task Changed(CatalogueChange change);
}
