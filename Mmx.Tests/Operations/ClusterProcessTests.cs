using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Orleans.Runtime;

namespace Mmx.Tests.Operations;

/// <summary>
/// Real processes on a real PostgreSQL: the API front and three silos started by the documented
/// script; one silo killed with SIGKILL under load; a fourth silo added under load.
/// </summary>
[Collection(ScriptedClusterCollection.Name)]
public sealed class ClusterProcessTests(ScriptedCluster cluster)
{
    // A phone gives up on a request after 10 s and tries the next: a request caught in flight by
    // the kill must not hold its writer until Orleans' 30 s response time-out.
    private ApiClient NewClient() => new(new HttpClient { BaseAddress = cluster.Api, Timeout = TimeSpan.FromSeconds(10) });

    [Theory]
    [InlineData("/health/live", "Healthy")]
    [InlineData("/health/ready", "Healthy")]
    [InlineData("/openapi/v1.json", "\"openapi\"")]
    [InlineData("/docs/", "scalar")]
    [InlineData("/dashboard/", "Orleans Dashboard")]
    [InlineData("/metrics", "orleans_")]
    public async Task Operator_endpoints_answer_in_cluster_mode(string url, string marker)
    {
        using var http = new HttpClient { BaseAddress = cluster.Api };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        // The dashboard needs the admin key also from loopback (a reverse proxy would be loopback).
        if (url.StartsWith("/dashboard")) request.Headers.Add("X-Admin-Key", ApiFactory.AdminKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/Trace")]
    [InlineData("/dashboard/ClusterStats")]
    public async Task The_dashboard_refuses_a_loopback_caller_without_the_admin_key_in_cluster_mode(string url)
    {
        using var http = new HttpClient { BaseAddress = cluster.Api };
        using var response = await http.GetAsync(url);
        Assert.Equal(3, (int)(await ApiFactory.ReadJson(response))["err"]!);
    }

    [Fact]
    public async Task Every_process_logs_json_lines_and_a_requests_lines_carry_its_trace_id()
    {
        // An operator request writes an audit line while it is served: that line names the request's trace.
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var http = new HttpClient { BaseAddress = cluster.Api };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/sms?phone=13800138000");
        request.Headers.Add("X-Admin-Key", ApiFactory.AdminKey);
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        JsonObject? audit = null;
        for (var tries = 0; audit is null && tries < 50; tries++)
        {
            await Task.Delay(100);
            audit = ConsoleJson.OfFile(Path.Combine(cluster.LogsFolder, "api.log"))
                .FirstOrDefault(line => (string?)line["Category"] == "Mmx.Api.Audit" && line.ToJsonString().Contains(traceId));
        }
        Assert.NotNull(audit);
        Assert.Contains(audit!["Scopes"]!.AsArray(), scope => (string?)scope?["TraceId"] == traceId && scope?["SpanId"] is not null);
        Assert.True(DateTimeOffset.TryParse((string?)audit["Timestamp"], out _));
        Assert.Equal("Information", (string?)audit["LogLevel"]);

        // Each silo's console is JSON lines too (membership lines at least).
        var silo = ConsoleJson.OfFile(Path.Combine(cluster.LogsFolder, "silo1.log"));
        Assert.NotEmpty(silo);
        Assert.All(silo, line => Assert.NotNull(line["Category"]));
    }

    [Fact]
    public async Task Each_silo_serves_its_own_orleans_metrics()
    {
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync($"http://127.0.0.1:{cluster.MetricsPortBase}/metrics");
        // Silo-side meters, which the API front (an Orleans client) does not have.
        Assert.Contains("orleans_catalog_activations", metrics);
        Assert.Contains("dotnet_gc", metrics);
        foreach (var costly in Mmx.Grains.OrleansMeters.Costly) Assert.DoesNotContain(costly.Replace('-', '_'), metrics);
    }

    [Fact]
    public async Task A_killed_silo_loses_no_acknowledged_write_and_service_returns_within_30_seconds()
    {
        var run = await WritesAround(() => { cluster.KillSilo(1); return Task.CompletedTask; }, "failover (SIGKILL)");
        Assert.Equal(0, run.Lost);
        Assert.True(run.SecondsUnavailable <= 30, $"requests sent {run.SecondsUnavailable:F1} s after the kill still failed");
        Assert.True(run.AcknowledgedBefore > 0 && run.AcknowledgedLate > 0, "no writes acknowledged before the kill or well after it");
    }

    [Fact]
    public async Task A_silo_told_to_stop_hands_over_without_losing_an_acknowledged_write()
    {
        var run = await WritesAround(() => cluster.StopSilo(2), "graceful stop (SIGTERM)");
        Assert.Equal(0, run.Lost);
        Assert.True(run.AcknowledgedBefore > 0 && run.AcknowledgedLate > 0, "no writes acknowledged before the stop or well after it");
    }

    private Task<WriteLoad.Run> WritesAround(Func<Task> disrupt, string what) => WriteLoad.Around(NewClient, disrupt, what);

    [Fact]
    public async Task A_silo_added_under_load_joins_and_takes_grains()
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var before = (await management.GetHosts(onlyActive: true)).Count;

        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            var client = NewClient();
            await client.SignUp(AccountTestKit.NewPhone());
            for (var sid = 1; !stop.IsCancellationRequested; sid = sid % 40 + 1)
            {
                await client.Post($"/user/shop/enter?sid={sid}");
            }
        });
        await cluster.AddSilo();

        var joined = false;
        var activationsOnNewSilo = 0;
        for (var attempt = 0; attempt < 60 && activationsOnNewSilo == 0; attempt++)
        {
            await Task.Delay(1000);
            var hosts = await management.GetHosts(onlyActive: true);
            joined = hosts.Count > before;
            // New users' grains land across the silos, the new one included.
            var fresh = NewClient();
            await fresh.SignUp(AccountTestKit.NewPhone());
            await fresh.Post("/user/shop/enter?sid=7");
            var stats = await management.GetSimpleGrainStatistics();
            activationsOnNewSilo = stats.Where(s => hosts.Keys.Any(h => h == s.SiloAddress)
                    && s.SiloAddress.Endpoint.Port == cluster.SiloPort(ScriptedCluster.InitialSilos))
                .Sum(s => s.ActivationCount);
        }
        stop.Cancel();
        await load;

        Assert.True(joined, "the added silo did not become active");
        Assert.True(activationsOnNewSilo > 0, "the added silo activated no grain");
    }
}
