using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mmx.Api.Operations;

namespace Mmx.Tests.Operations;

/// <summary>
/// /health/ready's answer is kept for a second (security round three, point 10): before, every
/// probe, from anyone who reached it, was a grain call and a storage read.
/// </summary>
public sealed class ReadinessCacheTests
{
    [Fact]
    public async Task Probes_within_a_second_share_one_check_and_a_later_one_checks_again()
    {
        var checks = 0;
        var cache = new ReadinessCache(TimeSpan.FromMilliseconds(300), () =>
        {
            Interlocked.Increment(ref checks);
            return Task.FromResult(HealthCheckResult.Healthy());
        });
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => cache.Get()));
        Assert.Equal(1, checks);
        await Task.Delay(400);
        Assert.Equal(HealthStatus.Healthy, (await cache.Get()).Status);
        Assert.Equal(2, checks);
    }
}
