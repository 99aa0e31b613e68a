using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;
using Orleans.Serialization.TypeSystem;

namespace Mmx.Tests.Operations;

/// <summary>The grain interface type cache answers exactly what Orleans itself would, and is asked first.</summary>
public sealed class GrainInterfaceTypeCacheTests(GrainInterfaceTypeCacheTests.Api api) : IClassFixture<GrainInterfaceTypeCacheTests.Api>
{
    public sealed class Api : ApiFactory;

    [Fact]
    public void Every_MMX_grain_interface_gets_Orleans_own_interface_type_and_the_cache_is_consulted_first()
    {
        var services = api.Services;
        var providers = services.GetServices<IGrainInterfaceTypeProvider>().ToList();
        Assert.IsType<GrainInterfaceTypeCache>(providers[0]);

        var cached = services.GetRequiredService<GrainInterfaceTypeResolver>();
        var orleansOwn = new GrainInterfaceTypeResolver(
            providers.Where(p => p is not GrainInterfaceTypeCache), services.GetRequiredService<TypeConverter>());
        var interfaces = typeof(Mmx.Grains.Accounts.IUserGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t))
            .ToList();
        Assert.True(interfaces.Count >= 20, $"only {interfaces.Count} grain interfaces found");

        foreach (var type in interfaces)
        {
            var expected = orleansOwn.GetGrainInterfaceType(type);
            Assert.Equal(expected, cached.GetGrainInterfaceType(type));
            Assert.Equal(expected, cached.GetGrainInterfaceType(type)); // second time from the cache
        }
    }
}
