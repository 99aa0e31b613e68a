using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mmx.Grains.Operations;

namespace Mmx.Api.Operations;

/// <summary>
/// /health/live: the process answers. /health/ready: a grain answers and has read its state from
/// grain storage, i.e. the cluster is joined and storage is reachable. Both answer
/// <see cref="HealthAnswer"/>'s JSON, 200 when healthy and 503 when not. The readiness answer is
/// kept for a second: probes from every load balancer and orchestrator, or anyone who reaches
/// the endpoint, cost at most one grain call (and storage read) a second per front.
/// </summary>
public static class Health
{
    public static IServiceCollection AddMmxHealth(this IServiceCollection services)
    {
        services.AddSingleton<ClusterAndStorage>();
        services.AddHealthChecks().AddCheck<ClusterAndStorage>("cluster-and-storage", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static IEndpointRouteBuilder MapMmxHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthAnswer.Write }).WithTags("Operations");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthAnswer.Write }).WithTags("Operations");
        return app;
    }

    /// <summary>The readiness probe; one instance a front, so that its answer is shared (<see cref="ReadinessCache"/>).</summary>
    public sealed class ClusterAndStorage(IGrainFactory grains) : IHealthCheck
    {
        private readonly ReadinessCache _cache = new(TimeSpan.FromSeconds(1), async () =>
        {
            try
            {
                await grains.GetGrain<IHealthGrain>(0).Probe().WaitAsync(TimeSpan.FromSeconds(5));
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("the cluster or its storage does not answer", ex);
            }
        });

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            _cache.Get().WaitAsync(cancellationToken);
    }
}
