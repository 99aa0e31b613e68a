namespace Mmx.Grains.Common;

/// <summary>
/// Calls many grains with a bounded number of calls in flight, so that an import of thousands of
/// shops neither runs them one by one nor floods the silo's queues at once. (Not the fan-out of a
/// shop's message to its fans: that is <c>FanOutGrain</c>.)
/// </summary>
public static class GrainCallBatches
{
    public const int DefaultWidth = 64;

    public static async Task Run<T>(IEnumerable<T> items, Func<T, Task> call, int width = DefaultWidth)
    {
        foreach (var chunk in items.Chunk(width))
        {
            await Task.WhenAll(chunk.Select(call));
        }
    }

    public static async Task<List<TResult>> Run<T, TResult>(IEnumerable<T> items, Func<T, Task<TResult>> call, int width = DefaultWidth)
    {
        var results = new List<TResult>();
        foreach (var chunk in items.Chunk(width))
        {
            results.AddRange(await Task.WhenAll(chunk.Select(call)));
        }
        return results;
    }
}
