using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Mmx.Grains;

/// <summary>
/// Grain storage in this process's memory, for a silo that is the whole cluster (the embedded
/// default). Orleans' memory storage keeps states in storage grains so that every silo of a
/// cluster sees them, which costs each write a grain call; with one silo a dictionary does the
/// same job (docs/performance.md). States are kept serialized, as a real storage keeps them: a
/// stored state is never the live object a grain goes on changing, and a state that cannot be
/// serialized fails here as it would on PostgreSQL. Writes are checked against the ETag, like any
/// Orleans storage. Like Orleans' memory storage, nothing survives the process.
/// </summary>
public sealed class SingleSiloMemoryStorage(IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    private sealed record Stored(BinaryData Data, string ETag);

    private readonly ConcurrentDictionary<(string StateName, GrainId Grain), Stored> _states = new();
    private long _version;

    /// <summary>Number of states held (tests look at it).</summary>
    public int Count => _states.Count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = activators.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var next = new Stored(serializer.Serialize(grainState.State), NewETag());
        Replace((stateName, grainId), grainState.ETag, next);
        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Replace((stateName, grainId), grainState.ETag, next: null);
        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Puts <paramref name="next"/> (null: nothing) in place of the state whose ETag the caller read, or throws.</summary>
    private void Replace((string, GrainId) key, string? expectedETag, Stored? next)
    {
        var current = _states.GetValueOrDefault(key);
        if (current?.ETag != expectedETag) throw Mismatch(expectedETag, current);
        var replaced = (current, next) switch
        {
            (null, null) => true,
            (null, _) => _states.TryAdd(key, next),
            (_, null) => _states.TryRemove(KeyValuePair.Create(key, current)),
            _ => _states.TryUpdate(key, next, current),
        };
        // Another write got there between the read and the swap.
        if (!replaced) throw Mismatch(expectedETag, _states.GetValueOrDefault(key));
    }

    private string NewETag() => Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);

    private static InconsistentStateException Mismatch(string? expected, Stored? current) =>
        new("The stored state changed since it was read", current?.ETag ?? "(none)", expected ?? "(none)");
}
