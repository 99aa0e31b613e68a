using System.Collections.Concurrent;
using Orleans.Metadata;

namespace Mmx.Grains;

/// <summary>
/// Remembers each grain interface's <see cref="GrainInterfaceType"/>. Orleans works it out on every
/// <c>GetGrain</c> call (attribute reflection, then formatting the type's name): about 3.5% of an
/// API front's CPU under the benchmark's mixes (docs/performance.md). Registered ahead of Orleans'
/// own providers; on a miss it asks Orleans' resolver, with itself stepped aside, so the cached
/// answer is exactly Orleans' answer. Generic interfaces are left to Orleans (their type
/// arguments are added after the providers answer).
/// </summary>
public sealed class GrainInterfaceTypeCache(IServiceProvider services) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();
    private GrainInterfaceTypeResolver? _resolver;

    [ThreadStatic] private static bool _resolving;

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        if (_resolving || type.IsGenericType)
        {
            grainInterfaceType = default;
            return false;
        }
        grainInterfaceType = _known.GetOrAdd(type, Resolve);
        return true;
    }

    private GrainInterfaceType Resolve(Type type)
    {
        _resolver ??= services.GetRequiredService<GrainInterfaceTypeResolver>();
        _resolving = true;
        try
        {
            return _resolver.GetGrainInterfaceType(type);
        }
        finally
        {
            _resolving = false;
        }
    }

    /// <summary>Puts the cache first among the providers Orleans consults.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IGrainInterfaceTypeProvider, GrainInterfaceTypeCache>());
}
