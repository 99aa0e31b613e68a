using Mmx.Api.Admin;

namespace Mmx.Api.Hosting;

/// <summary>
/// Imports DemoData/catalogue.json at start when <c>Mmx:DemoData</c> is true (the embedded
/// default), through the same path as POST /admin/import. Runs after the co-hosted silo started
/// and before the server takes requests, so the first request already sees the demo shops. Its
/// dates are moved to the day it is loaded (<see cref="DemoCatalogueDates"/>).
/// </summary>
public sealed class DemoDataLoader(CatalogueImporter importer, [FromKeyedServices(Grains.Common.MmxClock.Key)] TimeProvider clock,
    ILogger<DemoDataLoader> logger) : IHostedService
{
    public static readonly string DemoFile = Path.Combine(AppContext.BaseDirectory, "DemoData", "catalogue.json");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var written = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllBytesAsync(DemoFile, cancellationToken))!;
        var dated = DemoCatalogueDates.MovedTo(written, Grains.Common.ShanghaiCalendar.Today(clock));
        var imported = await importer.Import(System.Text.Encoding.UTF8.GetBytes(dated.ToJsonString()));
        logger.LogInformation("Demo catalogue loaded: {Cities} cities, {Categories} categories, {Shops} shops, {Goods} goods, {Activities} activities",
            imported.Cities, imported.Categories, imported.Shops, imported.Goods, imported.Activities);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
