using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mmx.Tests.Operations;

/// <summary>
/// Orleans' activity propagation is a filter on every grain call a process sends and receives.
/// A process that exports no traces has no use for it (docs/performance.md, item 19), so only a
/// process with Mmx:Telemetry:OtlpEndpoint set adds it. What the filters carry when they are
/// there is TracingTests' part.
/// </summary>
public sealed class TracePropagationSetupTests
{
    private static string[] PropagationFilters(IServiceCollection services) =>
    [
        .. services.Select(d => d.ImplementationType?.Name ?? "")
            .Where(name => name.StartsWith("ActivityPropagation", StringComparison.Ordinal))
            .Distinct()
            .Order(),
    ];

    private static IServiceCollection SiloServices(string? otlpEndpoint)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mmx:Telemetry:OtlpEndpoint"] = otlpEndpoint,
        });
        builder.UseOrleans(silo => silo.AddMmxSilo(builder.Configuration));
        return builder.Services;
    }

    private static IServiceCollection ClientServices(bool traced)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.AddMmxClient(
            new ClusterSettings { ConnectionString = "Host=127.0.0.1;Database=mmx", Dashboard = false }, traced));
        return builder.Services;
    }

    [Fact]
    public void A_silo_that_exports_no_traces_adds_no_propagation_filter() =>
        Assert.Empty(PropagationFilters(SiloServices(otlpEndpoint: null)));

    [Fact]
    public void A_silo_that_exports_traces_propagates_them_both_ways() =>
        Assert.Equal(["ActivityPropagationIncomingGrainCallFilter", "ActivityPropagationOutgoingGrainCallFilter"],
            PropagationFilters(SiloServices("http://127.0.0.1:4318/v1/traces")));

    [Fact]
    public void A_front_propagates_only_when_it_exports_traces()
    {
        Assert.Empty(PropagationFilters(ClientServices(traced: false)));
        Assert.Equal(["ActivityPropagationIncomingGrainCallFilter", "ActivityPropagationOutgoingGrainCallFilter"],
            PropagationFilters(ClientServices(traced: true)));
    }
}
