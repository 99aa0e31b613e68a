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
    // Three quarters for anyone; the rest only for numbers with an account.
    private int PublicShare => _perMinute - _perMinute / 4;
    private long _window = -1;
    private int _taken;
    private bool _publicSpentSaid, _allSpentSaid;

    public Task<Err> TryTake(bool forAccount)
    {
        var window = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (window != _window) (_window, _taken, _publicSpentSaid, _allSpentSaid) = (window, 0, false, false);
        if (_taken >= _perMinute)
        {
            if (!_allSpentSaid) logger.LogWarning("The SMS budget of {PerMinute} codes a minute is spent; further codes this minute are refused", _perMinute);
            _allSpentSaid = true;
            return Task.FromResult(Err.TooManyRequests);
        }
        if (!forAccount && _taken >= PublicShare)
        {
            // Said once a minute: an operator's alert on this line sees a flood of codes to strangers' numbers.
            if (!_publicSpentSaid) logger.LogWarning("The SMS budget's share for numbers without an account ({Share} a minute) is spent; only members get codes this minute", PublicShare);
            _publicSpentSaid = true;
            return Task.FromResult(Err.TooManyRequests);
        }
        _taken++;
        return Task.FromResult(Err.Ok);
    }
}
