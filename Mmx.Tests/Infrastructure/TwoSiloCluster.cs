using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mmx.Grains.Common;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// A two-silo TestingHost cluster with the fake clock: memory storage, shared per collection; or,
/// given a PostgreSQL connection string, ADO.NET storage (for tests that kill a silo: memory
/// storage itself lives in grains and dies with the silo).
/// </summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    private readonly string? _connectionString;

    public TwoSiloCluster() { }

    internal TwoSiloCluster(string connectionString) => _connectionString = connectionString;

    public TestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        if (_connectionString is not null)
        {
            builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(
                new Dictionary<string, string?> { ["ConnectionStrings:Orleans"] = _connectionString }));
        }
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMmxStorage(silo.Configuration.GetConnectionString("Orleans"));
            silo.Services.AddKeyedSingleton<TimeProvider>(MmxClock.Key, TestClock.Instance);
            SiloSetup.AddMmxServices(silo.Services, new ConfigurationBuilder().Build());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TwoSiloCollection : ICollectionFixture<TwoSiloCluster>
{
    public const string Name = "two-silo cluster";
}
