using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mmx.Api.Operations;

/// <summary>
/// A health answer kept for <c>keepFor</c> of real (monotonic) time: callers within it share one
/// check, the one under way included, so a flood of probes is one probe.
/// </summary>
public sealed class ReadinessCache(TimeSpan keepFor, Func<Task<HealthCheckResult>> check)
{
    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _answer;
    private long _startedAt;

    public Task<HealthCheckResult> Get()
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (_answer is null || now - _startedAt >= (long)keepFor.TotalMilliseconds)
            {
                _answer = check();
                _startedAt = now;
            }
            return _answer;
        }
    }
}
