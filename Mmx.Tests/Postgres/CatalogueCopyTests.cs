using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mmx.Api.Lookups;

namespace Mmx.Tests.Postgres;

/// <summary>
/// Every API front answers listings and goods from its own copy of the catalogue (cluster mode on
/// a real PostgreSQL): an import reaches every front before it answers, and says how many fronts
/// have it; a front is ready once its copy is loaded; a copy answers what the grains answer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogueCopyTests(PostgresServer postgres)
{
    private const string City = """{"id":24001,"name":"苏州"}""";
    private const string Category = """{"id":24010,"name":"女装","pic":"https://img.test/c.png","parent":0}""";

    private static async Task Ready(ApiFactory front)
    {
        using var http = front.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await http.GetAsync("/health/ready")).IsSuccessStatusCode)
        {
            Assert.True(DateTime.UtcNow < deadline, "the front did not get ready within 60 s");
            await Task.Delay(200);
        }
    }

    private static async Task<JsonNode> Imported(ApiFactory front, string json)
    {
        var answer = await front.Import(json);
        Assert.Equal(0, (int)answer["err"]!);
        return answer["imported"]!;
    }

    [Fact]
    public async Task An_import_reaches_every_front_before_it_answers()
    {
        var clusterId = $"copy-{Guid.NewGuid():N}";
        await using var silos = await SiloPair.Start(postgres.ConnectionString, clusterId);
        await using var front1 = new ApiFactory(postgres.ConnectionString, clusterId);
        await using var front2 = new ApiFactory(postgres.ConnectionString, clusterId);
        await Ready(front1);
        await Ready(front2);

        var first = await Imported(front1, $$"""
            {"cities":[{{City}}],"categories":[{{Category}}],
             "shops":[{"id":24100,"name":"观前店","city":24001,"category":24010,"long":120.62,"lat":31.31}]}
            """);
        Assert.Equal(2, (int)first["fronts"]!);
        Assert.Equal(0, (int)first["frontsMissed"]!);
        // Straight after the answer, with no waiting: the other front lists the new shop.
        var reader = front2.NewClient();
        var listed = await reader.Get("/user/shop?city=24001&long=120.62&lat=31.31");
        Assert.Equal("观前店", (string)listed["shopList"]![0]!["name"]!);

        // A second import renames the shop and brings goods: both seen on the other front at once.
        var second = await Imported(front1, """
            {"shops":[{"id":24100,"name":"观前街店","city":24001,"category":24010,"long":120.62,"lat":31.31}],
             "goods":[{"id":24500,"shop":24100,"desp":"丝巾","price":99,"pics":["https://img.test/g.png"],"status":1,"time":1764547200}]}
            """);
        Assert.Equal(2, (int)second["fronts"]!);
        listed = await reader.Get("/user/shop?city=24001&long=120.62&lat=31.31");
        Assert.Equal("观前街店", (string)listed["shopList"]![0]!["name"]!);
        var goods = await reader.Get("/user/goods?sid=24100");
        Assert.Equal(24500, (long)goods["goodsList"]![0]!["id"]!);
        Assert.Equal("丝巾", (string)(await reader.Get("/user/goods/info?gid=24500"))["info"]!["desp"]!);

        // Each front's copy is at the catalogue's version.
        var version = (await silos.Client.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Ids(-1))!.Version;
        Assert.Equal(version, front1.Services.GetRequiredService<CatalogueCopy>().Version);
        Assert.Equal(version, front2.Services.GetRequiredService<CatalogueCopy>().Version);
    }

    [Fact]
    public async Task A_front_started_after_imports_is_ready_with_the_whole_catalogue_and_answers_as_the_grains_do()
    {
        var clusterId = $"copy-{Guid.NewGuid():N}";
        await using var silos = await SiloPair.Start(postgres.ConnectionString, clusterId);
        await using (var first = new ApiFactory(postgres.ConnectionString, clusterId))
        {
            var shops = string.Join(",", Enumerable.Range(0, 40).Select(i =>
                $$"""{"id":{{24200 + i}},"name":"店{{i}}","city":24001,"category":24010,"long":{{120.5 + i * 0.01}},"lat":{{31.2 + i * 0.005}},"recommend":{{(i % 5 == 0 ? "true" : "false")}}}"""));
            var goods = string.Join(",", Enumerable.Range(0, 60).Select(i =>
                $$"""{"id":{{24600 + i}},"shop":{{24200 + i % 40}},"desp":"货{{i}}","price":{{10 + i}},"pics":[],"status":{{(i % 7 == 0 ? 2 : 1)}},"time":{{1764547200 + i * 60}}}"""));
            await Imported(first, $$"""{"cities":[{{City}}],"categories":[{{Category}}],"shops":[{{shops}}],"goods":[{{goods}}]}""");
        }

        // A new front: ready means its copy holds the catalogue.
        await using var front = new ApiFactory(postgres.ConnectionString, clusterId);
        await Ready(front);
        var copy = front.Services.GetRequiredService<CatalogueCopy>();
        Assert.True(copy.IsLoaded);
        Assert.Equal((await silos.Client.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Ids(-1))!.Version, copy.Version);

        // The copy answers what the directory and shop grains answer (no fans or customers here,
        // so the live counts, a second old at most in the copy, are equal too).
        var directory = silos.Client.GetGrain<ICityDirectoryGrain>(24001);
        ShopQuery[] queries =
        [
            new() { Long = 120.6, Lat = 31.25, Count = 10 },
            new() { Long = 120.6, Lat = 31.25, Offset = 10, Count = 20 },
            new() { Category = 24010, Count = 50 },
            new() { Name = "店1", Count = 50 },
            new() { Name = "dian", Long = 120.5, Lat = 31.2, Count = 5 },
            new() { Category = 99999 },
        ];
        foreach (var query in queries)
        {
            var expected = await directory.ListShops(query);
            var actual = copy.ListShops(24001, query)!;
            Assert.Equal(expected.Err, actual.Err);
            if (!expected.IsOk) continue;
            Assert.Equal(expected.Value!.Total, actual.Value!.Total);
            Assert.Equal(expected.Value.Items.Select(Row), actual.Value.Items.Select(Row));
        }
        Assert.Equal((await directory.Recommended()).Value.Select(r => $"{r.Id} {r.Name} {r.Pic} {r.Description}"),
            copy.City(24001)!.Recommended().Value.Select(r => $"{r.Id} {r.Name} {r.Pic} {r.Description}"));
        for (var shop = 24200; shop < 24240; shop++)
        {
            var expected = (await silos.Client.GetGrain<IShopGrain>(shop).ListGoods(0, 10)).Value!;
            var actual = copy.GoodsOf(shop)!.Page(0, 10);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Items.Select(Item), actual.Items.Select(Item));
        }
        Assert.Equal(Item((await silos.Client.GetGrain<IShopGrain>(24207).FindGoods(24607)).Value!), Item(copy.FindGoods(24607)!));
        Assert.Null(copy.FindGoods(24999));
    }

    // Records with arrays compare their arrays by reference: compared by what they hold.
    private static string Row(ShopListItem s) => $"{s.Id} {s.Name} {s.Distance} {s.Fans} {s.Customers} {string.Join('|', s.Pictures)}";
    private static string Item(Goods g) => $"{g.Id} {g.Shop} {g.Desp} {g.Price} {g.Status} {g.Time} {string.Join('|', g.Pics)}";

    [Fact]
    public async Task An_import_counts_a_front_that_did_not_confirm_it()
    {
        var clusterId = $"copy-{Guid.NewGuid():N}";
        await using var silos = await SiloPair.Start(postgres.ConnectionString, clusterId);
        await using var front = new ApiFactory(postgres.ConnectionString, clusterId);
        await Ready(front);
        // A second front subscribes and then goes away without a word (its process gone).
        var gone = new ApiFactory(postgres.ConnectionString, clusterId);
        await Ready(gone);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await gone.DisposeAsync();
        Console.WriteLine($"front gone in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();

        var imported = await Imported(front, $$"""{"cities":[{{City}}],"categories":[{{Category}}]}""");
        Assert.Equal(1, (int)imported["fronts"]!);
        Assert.Equal(1, (int)imported["frontsMissed"]!);
        Console.WriteLine($"import answered in {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task A_front_is_not_ready_before_its_copy_is_loaded()
    {
        var notStarted = new CatalogueCopy(null!, Microsoft.Extensions.Logging.Abstractions.NullLogger<CatalogueCopy>.Instance);
        var check = await new CatalogueCopy.Ready(notStarted).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, check.Status);
    }
}
