using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mmx.Grains.Common;

namespace Mmx.Tests.Postgres;

/// <summary>
/// Cluster mode against a real PostgreSQL: silos with ADO.NET clustering and storage, built by the
/// same SiloSetup as Mmx.Silo, and Mmx.Api as their Orleans client.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClusterTests(PostgresServer postgres)
{
    [Fact]
    public async Task Schema_can_be_applied_again()
    {
        await PostgresSchema.Apply(postgres.ConnectionString);
        await PostgresSchema.Apply(postgres.ConnectionString);
    }

    [Fact]
    public async Task Catalogue_survives_a_restart_of_every_silo()
    {
        var clusterId = $"restart-{Guid.NewGuid():N}";
        const long b = 10_000_000;
        var today = ShanghaiCalendar.Today(TimeProvider.System);
        var doc = SampleCatalogue.Build(b, today);

        string before;
        await using (var first = await SiloPair.Start(postgres.ConnectionString, clusterId))
        {
            var result = await first.Client.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Import(doc);
            result.Ok();
            before = await Snapshot(first.Client, b);
        }

        // Every silo and the client are gone; new ones on other ports read it all from PostgreSQL.
        await using var second = await SiloPair.Start(postgres.ConnectionString, clusterId);
        var after = await Snapshot(second.Client, b);
        Assert.Equal(before, after);
        Assert.Contains("Alpha 连衣裙", after);
        Assert.Contains($"bc{b}-2=>{b + 1001}", after);

        // And it really came from PostgreSQL: the grain states are rows of this service.
        await using var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM OrleansStorage WHERE ServiceId = @s", connection);
        count.Parameters.AddWithValue("s", clusterId);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 4 + 4 + 1);
    }

    [Fact]
    public async Task The_api_runs_as_a_client_of_the_silos()
    {
        var clusterId = $"api-{Guid.NewGuid():N}";
        await using var silos = await SiloPair.Start(postgres.ConnectionString, clusterId);
        await using var api = new ApiFactory(postgres.ConnectionString, clusterId);

        var imported = await api.Import("""
            {"cities":[{"id":20001,"name":"杭州"}],
             "categories":[{"id":20010,"name":"女装","pic":"https://img.test/c.png","parent":0}],
             "shops":[{"id":20100,"name":"西湖店","city":20001,"category":20010,"long":120.15,"lat":30.25}]}
            """);
        Assert.Equal(0, (int)imported["err"]!);

        var shops = await api.GetJson("/user/shop?city=20001&long=120.15&lat=30.25");
        var shop = Assert.Single(shops["shopList"]!.AsArray())!;
        Assert.Equal("西湖店", (string?)shop["name"]);
        Assert.Equal(0.0, (double)shop["distance"]!);
        // Cluster mode loads no demo data unless asked to.
        Assert.DoesNotContain((await api.GetJson("/user/city"))["cityList"]!.AsArray(), c => (string?)c!["name"] == "深圳");
    }

    /// <summary>Everything the catalogue grains answer for one sample catalogue, as text.</summary>
    private static async Task<string> Snapshot(IGrainFactory grains, long b)
    {
        var catalogue = grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key);
        var city = grains.GetGrain<ICityDirectoryGrain>(b + 1);
        var lines = new List<string>();
        lines.AddRange((await catalogue.GetCities()).Where(c => c.Id > b).Select(c => $"city {c.Id} {c.Name}"));
        lines.AddRange((await catalogue.GetCategoryTree()).Where(c => c.Id > b)
            .Select(c => $"category {c.Id} {c.Name} [{string.Join(",", c.Children.Select(k => k.Id))}]"));
        var listing = await city.ListShops(new ShopQuery { Long = 113.94, Lat = 22.52, Count = 50 }).Ok();
        lines.AddRange(listing!.Items.Select(s => $"listed {s.Id} {s.Name} {s.Distance} {string.Join(",", s.Pictures)}"));
        lines.AddRange((await city.Recommended().Ok()).Select(s => $"recommended {s.Id} {s.Description}"));
        lines.AddRange((await city.ListActivities(0, 50).Ok()).Items.Select(a => $"activity {a.Id} {a.Title} {a.Bt}..{a.Et}"));
        foreach (var sid in new[] { b + 100, b + 101, b + 102, b + 103 })
        {
            var shop = grains.GetGrain<IShopGrain>(sid);
            var details = (await shop.GetDetails().Ok());
            lines.Add($"shop {details.Id} {details.Name} {details.City} {details.Category} {details.Long} {details.Lat} {details.Intro}");
            lines.AddRange((await shop.ListGoods(0, 50).Ok()).Items.Select(g => $"goods {g.Id} {g.Price} {g.Promot} {g.Time} {g.Barcode}"));
            lines.AddRange((await shop.ValidActivities()).Select(a => $"valid {a.Id}"));
        }
        foreach (var code in new[] { $"bc{b}-1", $"bc{b}-2" })
        {
            var found = await grains.GetGrain<IBarcodeIndexGrain>(CatalogueShards.OfBarcode(code)).Find([code]);
            lines.AddRange(found.Select(f => $"{f.Key}=>{f.Value}"));
        }
        lines.Add($"version {(await catalogue.GetVersion(1)).Value?.Version}");
        return string.Join("\n", lines);
    }
}

/// <summary>Two ADO.NET silos and a client, in this process, started the way Mmx.Silo starts.</summary>
internal sealed class SiloPair : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];
    public IClusterClient Client { get; private set; } = null!;

    /// <param name="siloSettings">More settings for both silos (e.g. where they export traces).</param>
    public static async Task<SiloPair> Start(string connectionString, string clusterId, IReadOnlyDictionary<string, string?>? siloSettings = null)
    {
        var pair = new SiloPair();
        for (var i = 0; i < 2; i++)
        {
            var settings = Settings(connectionString, clusterId);
            foreach (var (key, value) in siloSettings ?? new Dictionary<string, string?>()) settings[key] = value;
            settings["Mmx:Orleans:SiloPort"] = FreePorts.Next().ToString();
            settings["Mmx:Orleans:GatewayPort"] = FreePorts.Next().ToString();
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleans(silo => silo.AddMmxSilo(builder.Configuration));
            var host = builder.Build();
            await host.StartAsync();
            pair._hosts.Add(host);
        }

        var clientBuilder = Host.CreateApplicationBuilder();
        clientBuilder.Configuration.AddInMemoryCollection(Settings(connectionString, clusterId));
        clientBuilder.Logging.SetMinimumLevel(LogLevel.Warning);
        clientBuilder.UseOrleansClient(client => client.AddMmxClient(ClusterSettings.From(clientBuilder.Configuration)));
        var clientHost = clientBuilder.Build();
        await clientHost.StartAsync();
        pair._hosts.Add(clientHost);
        pair.Client = clientHost.Services.GetRequiredService<IClusterClient>();
        return pair;
    }

    private static Dictionary<string, string?> Settings(string connectionString, string clusterId) => new()
    {
        ["ConnectionStrings:Orleans"] = connectionString,
        ["Mmx:Orleans:ClusterId"] = clusterId,
        ["Mmx:Orleans:ServiceId"] = clusterId,
        // The tests read codes from the outbox; a real cluster has an SMS gateway.
        ["Mmx:Sms:Outbox"] = "true",
    };

    public async ValueTask DisposeAsync()
    {
        // Client first, then the silos: a graceful stop, as an operator's restart would do.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].StopAsync();
            _hosts[i].Dispose();
        }
    }
}
