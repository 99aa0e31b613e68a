using Mmx.Grains.Configuration;

namespace Mmx.Grains.Accounts;

/// <summary>
/// The service-wide SMS budget: <c>Mmx:Sms:GlobalPerMinute</c> codes a minute (600 by default).
/// Counted in memory in fixed one-minute windows: a restart of this grain starts a fresh window,
/// which lets at most one more minute's budget through.
/// </summary>
public sealed class SmsBudgetGrain(SmsSettings settings, [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<SmsBudgetGrain> logger) : Grain, ISmsBudgetGrain
{
    private readonly int _perMinute = settings.GlobalPerMinute;
    private long _window = -1;
    private int _taken;

    public Task<Err> TryTake()
    {
        var window = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (window != _window) (_window, _taken) = (window, 0);
        if (_taken >= _perMinute)
        {
            if (_taken++ == _perMinute) logger.LogWarning("The SMS budget of {PerMinute} codes a minute is spent; further codes this minute are refused", _perMinute);
            return Task.FromResult(Err.TooManyRequests);
        }
        _taken++;
        return Task.FromResult(Err.Ok);
    }
}
