namespace Mmx.Grains.Accounts;

/// <summary>
/// Counts in memory: a restart of the grain forgives the failures it counted (an attacker cannot
/// cause one at will) and forgets the trusted addresses (the owner is then treated like anyone
/// until their next successful login, which only matters during a spread attack).
/// </summary>
public sealed class LoginGuardGrain([FromKeyedServices(MmxClock.Key)] TimeProvider time) : Grain, ILoginGuardGrain
{
    /// <summary>Wrong passwords from one address within <see cref="Window"/> that hold that address back for <see cref="Hold"/>.</summary>
    public const int FailuresPerAddress = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(15);
    /// <summary>A spread attack: this many wrong passwords from at least <see cref="SpreadAddresses"/> addresses within <see cref="SpreadWindow"/>.</summary>
    public const int SpreadFailures = 20;
    // Three, not five: four addresses guessing just under the per-address hold made ~1,900 guesses a day unnoticed.
    public const int SpreadAddresses = 3;
    /// <summary>
    /// Wrong passwords within a day, from whatever addresses (trusted ones too), past which the
    /// identity is held everywhere until the day's count falls below it again: a ceiling on slow
    /// guessing. The owner gets in with a fresh SMS ticket of the bound phone (the login route).
    /// </summary>
    public const int DailyFailures = 100;
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);
    public static readonly TimeSpan SpreadWindow = TimeSpan.FromHours(1);
    /// <summary>How long a spread attack holds the identity back for every address it has not logged in from.</summary>
    public static readonly TimeSpan SpreadHold = TimeSpan.FromHours(1);
    private const int MaxTrusted = 10;

    private readonly List<(string Address, DateTimeOffset At)> _failures = [];
    private readonly Dictionary<string, DateTimeOffset> _heldUntil = [];
    private readonly List<string> _trusted = [];
    private DateTimeOffset _spreadUntil;

    public Task<bool> MayTry(string address)
    {
        var now = time.GetUtcNow();
        if (_heldUntil.TryGetValue(address, out var until) && now < until) return Task.FromResult(false);
        if (_failures.Count(f => now - f.At <= Day) >= DailyFailures) return Task.FromResult(false);
        return Task.FromResult(now >= _spreadUntil || _trusted.Contains(address));
    }

    public Task Failed(string address)
    {
        var now = time.GetUtcNow();
        // A day of failures is kept (for the daily ceiling), bounded however they come in.
        _failures.RemoveAll(f => now - f.At > Day);
        if (_failures.Count >= 2 * DailyFailures) _failures.RemoveAt(0);
        _failures.Add((address, now));
        if (_failures.Count(f => f.Address == address && now - f.At <= Window) >= FailuresPerAddress)
        {
            // Its failures stay counted: they are part of a spread attack too.
            _heldUntil[address] = now + Hold;
        }
        var recent = _failures.Where(f => now - f.At <= SpreadWindow).ToList();
        if (recent.Count >= SpreadFailures && recent.Select(f => f.Address).Distinct().Count() >= SpreadAddresses)
        {
            _spreadUntil = now + SpreadHold;
        }
        foreach (var expired in _heldUntil.Where(h => h.Value <= now).Select(h => h.Key).ToList()) _heldUntil.Remove(expired);
        return Task.CompletedTask;
    }

    public Task Succeeded(string address)
    {
        _failures.RemoveAll(f => f.Address == address);
        _heldUntil.Remove(address);
        _trusted.Remove(address);
        _trusted.Add(address);
        if (_trusted.Count > MaxTrusted) _trusted.RemoveAt(0);
        return Task.CompletedTask;
    }
}

/// <summary>Counts in memory, like <see cref="LoginGuardGrain"/>.</summary>
public sealed class AddressGuardGrain([FromKeyedServices(MmxClock.Key)] TimeProvider time) : Grain, IAddressGuardGrain
{
    /// <summary>Wrong passwords of any identities within <see cref="LoginGuardGrain.Window"/> that hold the address back (generous: many users may share one address behind a NAT).</summary>
    public const int Failures = 30;

    private readonly Queue<DateTimeOffset> _failures = new();
    private DateTimeOffset _heldUntil;

    public Task<bool> MayTry() => Task.FromResult(time.GetUtcNow() >= _heldUntil);

    public Task Failed()
    {
        var now = time.GetUtcNow();
        while (_failures.TryPeek(out var oldest) && now - oldest > LoginGuardGrain.Window) _failures.Dequeue();
        _failures.Enqueue(now);
        if (_failures.Count >= Failures)
        {
            _heldUntil = now + LoginGuardGrain.Hold;
            _failures.Clear();
        }
        return Task.CompletedTask;
    }
}
