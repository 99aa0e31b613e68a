using System.Collections.Concurrent;
using Mmx.Grains.Common;

namespace Mmx.Api.Access.Operators;

/// <summary>
/// Wrong operator keys per client address (its /64 for IPv6), in fixed windows: past
/// <see cref="OperatorSettings.FailedKeysAllowed"/> the address is refused every key, the right one
/// too, until its window ends, so a guesser gets a handful of tries per window and not a stream.
/// Counted per front (a key of 16+ random characters is the real defence; this stops the noise and
/// makes a guesser visible in the audit lines).
/// </summary>
public sealed class FailedOperatorKeys(OperatorSettings settings, [FromKeyedServices(MmxClock.Key)] TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _windows = new();
    private TimeSpan Window => TimeSpan.FromMinutes(settings.FailedKeyWindowMinutes);

    public bool IsBlocked(string client) =>
        _windows.TryGetValue(client, out var window) && time.GetUtcNow() - window.Start < Window && window.Count >= settings.FailedKeysAllowed;

    public void Failed(string client)
    {
        var now = time.GetUtcNow();
        _windows.AddOrUpdate(client, (now, 1), (_, w) => now - w.Start < Window ? (w.Start, w.Count + 1) : (now, 1));
        if (_windows.Count > PruneAbove)
        {
            foreach (var (key, window) in _windows)
            {
                if (now - window.Start >= Window) _windows.TryRemove(key, out _);
            }
        }
    }
}
