using Mmx.Api.Admin;

namespace Mmx.Api.Hosting;

/// <summary>
/// Imports DemoData/catalogue.json at start when <c>Mmx:DemoData</c> is true (the embedded
/// default), through the same path as POST /admin/import. Runs after the co-hosted silo started
/// and before the server takes requests, so the first request already sees the demo shops. Its
/// dates are moved to the day it is loaded (<see cref="DemoCatalogueDates"/>).
/// </summary>
public sealed class DemoDataLoader(CatalogueImporter importer, [FromKeyedServices(Grains.Common.MmxClock.Key)] TimeProvider clock,
    Images.DemoPictures pictures, FrontSettings front, IConfiguration configuration, ILogger<DemoDataLoader> logger) : IHostedService
{
    public static readonly string DemoFile = Path.Combine(AppContext.BaseDirectory, "DemoData", "catalogue.json");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Its pictures are drawn by this process (Images/DemoPictures), at the address apps reach it by.
        var text = pictures.Rehost(await File.ReadAllTextAsync(DemoFile, cancellationToken), PicturesBase());
        var written = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        var dated = DemoCatalogueDates.MovedTo(written, Grains.Common.ShanghaiCalendar.Today(clock));
        var imported = await importer.Import(System.Text.Encoding.UTF8.GetBytes(dated.ToJsonString()));
        logger.LogInformation("Demo catalogue loaded: {Cities} cities, {Categories} categories, {Shops} shops, {Goods} goods, {Activities} activities",
            imported.Cities, imported.Categories, imported.Shops, imported.Goods, imported.Activities);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// <c>Mmx:PublicWebBaseUrl</c> where set (a phone on the network needs it), else the first address
    /// the front listens on, a wildcard host read as loopback (the demo is loaded before any request).
    /// <c>Urls</c> is always there: Program puts its default beneath every source, and
    /// <c>ASPNETCORE_URLS</c> and <c>--urls</c> arrive under that key.
    /// </summary>
    private string PicturesBase()
    {
        if (front.PublicWebBaseUrl is { Length: > 0 } configured) return configured;
        var first = configuration["Urls"]!.Split(';')[0].Trim();
        return System.Text.RegularExpressions.Regex.Replace(first, @"//(\*|\+|0\.0\.0\.0|\[::\])", "//127.0.0.1");
    }
}
