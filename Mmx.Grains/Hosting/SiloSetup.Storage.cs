using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Mmx.Grains;

/// <summary>Grain storage: PostgreSQL through ADO.NET in cluster mode, memory otherwise; the Orleans serializer for state.</summary>
public static partial class SiloSetup
{
    /// <summary>
    /// The grain storage: in memory without a connection string, ADO.NET on PostgreSQL with one.
    /// Both store state with the Orleans serializer rather than the default JSON with .NET type
    /// names: [Id]/[Alias] keep stored state readable when types are renamed or moved, and it is
    /// several times smaller and faster.
    /// </summary>
    /// <param name="singleSilo">
    /// Without a connection string, and the silo is the whole cluster: its own
    /// <see cref="SingleSiloMemoryStorage"/> instead of Orleans' memory storage, whose storage
    /// grains let several silos share it at a grain call per write.
    /// </param>
    public static ISiloBuilder AddMmxStorage(this ISiloBuilder silo, string? connectionString, bool singleSilo = false)
    {
        if (connectionString is null && singleSilo)
        {
            silo.Services.AddGrainStorage(StorageName, (services, _) =>
                ActivatorUtilities.CreateInstance<SingleSiloMemoryStorage>(services, OrleansSerializer(services)));
        }
        else if (connectionString is null)
        {
            silo.AddMemoryGrainStorage(StorageName);
            UseOrleansSerializer<MemoryGrainStorageOptions>(silo.Services);
        }
        else
        {
            silo.AddAdoNetGrainStorage(StorageName, o =>
            {
                o.Invariant = ClusterSettings.Invariant;
                o.ConnectionString = connectionString;
                // A cleared state (an erased account) leaves no row behind, not a row without payload.
                o.DeleteStateOnClear = true;
            });
            UseOrleansSerializer<AdoNetGrainStorageOptions>(silo.Services);
        }
        return silo;
    }

    private static void UseOrleansSerializer<TOptions>(IServiceCollection services)
        where TOptions : class, IStorageProviderSerializerOptions =>
        services.AddOptions<TOptions>(StorageName).Configure<IServiceProvider>((o, provider) =>
            o.GrainStorageSerializer = OrleansSerializer(provider));

    private static IGrainStorageSerializer OrleansSerializer(IServiceProvider services) =>
        ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(services);
}
