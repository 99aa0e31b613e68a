using Mmx.Api.Admin;

namespace Mmx.Api.Hosting;

/// <summary>
/// Imports DemoData/catalogue.json at start when <c>Mmx:DemoData</c> is true (the embedded
/// default), through the same path as POST /admin/import. Runs after the co-hosted silo started
/// and before the server takes requests, so the first request already sees the demo shops.
/// </summary>
public sealed class DemoDataLoader(CatalogueImporter importer, ILogger<DemoDataLoader> logger) : IHostedService
{
    public static readonly string DemoFile = Path.Combine(AppContext.BaseDirectory, "DemoData", "catalogue.json");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var imported = await importer.Import(await File.ReadAllBytesAsync(DemoFile, cancellationToken));
        logger.LogInformation("Demo catalogue loaded: {Cities} cities, {Categories} categories, {Shops} shops, {Goods} goods, {Activities} activities",
            imported.Cities, imported.Categories, imported.Shops, imported.Goods, imported.Activities);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
