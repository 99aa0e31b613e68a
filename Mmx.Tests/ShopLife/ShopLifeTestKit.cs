namespace Mmx.Tests.ShopLife;

/// <summary>Imports a small catalogue of shops for one test (its own id range) on a cluster.</summary>
internal static class ShopLifeTestKit
{
    public static async Task<CatalogueImport> ImportShops(IGrainFactory grains, long b)
    {
        var doc = SampleCatalogue.Build(b, Mmx.Grains.Common.ShanghaiCalendar.Today(TestClock.Instance));
        var result = await grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).Import(doc);
        result.Ok();
        return doc;
    }

    /// <summary>Waits (up to 10 s) until a condition holds: for counts that reach listings asynchronously.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting until {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>A known shop's live counts, and whether <paramref name="accId"/> (0: nobody) follows it.</summary>
    public static async Task<Mmx.Grains.ShopLife.ShopLiveCounts> Counts(IGrainFactory grains, long shop, long accId = 0) =>
        (await grains.GetGrain<Mmx.Grains.ShopLife.IShopLifeGrain>(shop).Info(accId).Ok()).Counts;

    /// <summary>Account ids for presence and fan tests; shop-life grains need no registered account.</summary>
    public static long[] Users(long b, int count) => [.. Enumerable.Range(1, count).Select(i => b * 10 + i)];
}
