using System.Diagnostics;
using Mmx.Grains;
using Mmx.Grains.Accounts;
using Orleans;

namespace Mmx.Bench;

/// <summary>
/// Activates N user grains, each holding a registered account (phone, mcode, password hash), in a
/// silo of this process (the embedded default's configuration: memory storage, which also keeps a
/// copy of every state, so the figure is an upper bound for a PostgreSQL-backed silo), and reports
/// the working set and managed heap before and after, per grain.
/// </summary>
public static class GrainMemory
{
    public static async Task<int> Run(Options options)
    {
        var grains = options.Int("grains", 100_000);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Mmx:Orleans:SiloPort"] = options.Text("silo-port", "11611");
        builder.Configuration["Mmx:Orleans:GatewayPort"] = options.Text("gateway-port", "30611");
        builder.UseOrleans(silo => silo.AddMmxSilo(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IGrainFactory>();

        // Warm up the code paths so that the "before" figure holds the JIT and runtime, not the grains.
        await Create(factory, 1, 1_000);
        var (beforeSet, beforeHeap) = Measure();

        var watch = Stopwatch.StartNew();
        const int batch = 2_000;
        for (var start = 1_001; start <= grains + 1_000; start += batch)
        {
            await Create(factory, start, Math.Min(batch, grains + 1_001 - start));
            if ((start - 1_001) % 20_000 == 0) Console.Error.WriteLine($"  {start - 1_001:N0} grains activated");
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var (afterSet, afterHeap) = Measure();

        Console.WriteLine($"MEMORY grains={grains} activation_s={seconds:F1} working_set_before_mb={beforeSet / 1048576.0:F0} " +
            $"working_set_after_mb={afterSet / 1048576.0:F0} bytes_per_grain={(afterSet - beforeSet) / (double)grains:F0} " +
            $"heap_bytes_per_grain={(afterHeap - beforeHeap) / (double)grains:F0}");
        await host.StopAsync();
        return 0;
    }

    private static Task Create(IGrainFactory factory, int first, int count) =>
        Task.WhenAll(Enumerable.Range(first, count).Select(i => factory.GetGrain<IUserGrain>(10_000_000 + i).Create(new NewAccount
        {
            Phone = $"139{i:D8}",
            Mcode = 100_000_000 + i,
            // The shape and size of a real stored hash (scheme, iterations, salt, key).
            PasswordHash = $"v1$pbkdf2-sha512$210000${Convert.ToBase64String(new byte[16])}${Convert.ToBase64String(new byte[64])}",
        })));

    private static (long WorkingSet, long Heap) Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: true));
    }
}
