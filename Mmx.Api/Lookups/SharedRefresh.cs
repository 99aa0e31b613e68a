namespace Mmx.Api.Lookups;

/// <summary>
/// A value this front keeps from a grain and fetches again on demand: callers that ask while a
/// fetch is running share it, so a flood of demands costs one grain call at a time, not one each.
/// A fetch that fails is not kept (the next demand tries again) and fails the callers that shared it.
/// </summary>
public sealed class SharedRefresh<T>(Func<T?, Task<T>> fetch) where T : class
{
    private readonly Lock _lock = new();
    private Task<T>? _running;
    private volatile T? _current;

    /// <summary>The last value fetched, or null before the first.</summary>
    public T? Current => _current;

    /// <summary>A value fetched after this call began (or by a fetch already running then).</summary>
    public Task<T> Refresh()
    {
        lock (_lock)
        {
            if (_running is { IsCompleted: false } running) return running;
            return _running = Fetch();
        }
    }

    private async Task<T> Fetch()
    {
        var next = await fetch(_current);
        _current = next;
        return next;
    }
}
