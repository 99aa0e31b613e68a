using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mmx.Grains.Common;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace Mmx.Tests.Infrastructure;

/// <summary>A two-silo TestingHost cluster with memory storage and the fake clock, shared per collection.</summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(SiloSetup.StorageName);
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
