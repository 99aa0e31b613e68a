namespace Mmx.Api.Admin;

/// <summary>
/// Parses and checks an import document and hands it to the catalogue grain: the one path shared
/// by <c>POST /admin/import</c> and the demo data loaded at start.
/// </summary>
public sealed class CatalogueImporter(IGrainFactory grains)
{
    public async Task<ImportCounts> Import(ReadOnlyMemory<byte> json)
    {
        var document = ImportChecks.ToImport(JsonBody.Parse<ImportDocument>(json.Span));
        return await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Import(document).OrFail();
    }
}
