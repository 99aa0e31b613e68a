using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Mmx.Tests.Operations;

/// <summary>Health, OpenAPI, /docs, the dashboard and /metrics of the embedded API.</summary>
public sealed class OperatorEndpointsTests(OperatorEndpointsTests.Api api) : IClassFixture<OperatorEndpointsTests.Api>
{
    public sealed class Api() : ApiFactory(settings: DashboardOn);

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string url)
    {
        using var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/health+json", response.Content.Headers.ContentType?.MediaType);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)answer["status"]);
        Assert.True((double)answer["durationMs"]! >= 0);
        var checks = answer["checks"]!.AsObject();
        if (url == "/health/ready")
        {
            // Each check with its state and the time it took.
            var check = checks["cluster-and-storage"]!;
            Assert.Equal("Healthy", (string?)check["status"]);
            Assert.True((double)check["durationMs"]! >= 0);
        }
        else
        {
            Assert.Empty(checks);
        }
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route_and_the_err_table()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        Assert.Contains("| 99 | Internal |", (string?)document["info"]!["description"]);
        var paths = document["paths"]!.AsObject();

        var routes = RouteTable.Of(api.Services, "/user", "/admin");
        Assert.True(routes.Count > 60, $"only {routes.Count} routes found");
        foreach (var (method, path) in routes)
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
            Assert.True(paths[path]!.AsObject().ContainsKey(method.ToLowerInvariant()), $"{method} {path} is missing");
        }
    }

    [Theory]
    [InlineData("/docs", "scalar")]
    [InlineData("/dashboard", "Orleans Dashboard")]
    public async Task The_api_page_and_the_dashboard_are_served(string url, string marker)
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = true });
        client.DefaultRequestHeaders.Add("X-Admin-Key", ApiFactory.AdminKey);
        using var response = await client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_the_dashboard_off_its_pages_are_gone_and_the_service_answers()
    {
        await using var off = new ApiFactory(settings: new Dictionary<string, string> { ["Mmx:Dashboard:Enabled"] = "false" });
        using var page = await off.CreateClient().GetAsync("/dashboard");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(0, (int)(await off.GetJson("/user/city"))["err"]!);
        Assert.Contains("orleans_", await off.CreateClient().GetStringAsync("/metrics"));
    }

    [Fact]
    public async Task Metrics_count_errors_by_err()
    {
        var client = api.CreateClient();
        await client.GetAsync("/user/shop?city=x");
        await client.GetAsync("/user/shop/info?sid=424242");
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("mmx_errors_total{otel_scope_name=\"Mmx.Api\",err=\"1\"}", metrics);
        Assert.Contains("mmx_errors_total{otel_scope_name=\"Mmx.Api\",err=\"4\"}", metrics);
        Assert.Contains("http_server_request_duration_seconds", metrics);
        Assert.Contains("orleans_", metrics);
    }

    [Fact]
    public async Task Metrics_leave_out_the_orleans_gauges_whose_reading_walks_every_activation()
    {
        // Orleans' own meter is shared by every host of this test process: when two hosts publish
        // the same instrument, the exporter keeps the first and drops the other, and the first may
        // belong to a host another test class has since stopped (CI saw scrapes without Orleans'
        // activation gauge for more than 10 s). So this test publishes, under Orleans' meter name,
        // instruments of its own: the costly names must be left out, a probe beside them must not.
        using var meter = new System.Diagnostics.Metrics.Meter(Mmx.Grains.OrleansMeters.MeterName);
        var probe = $"orleans-mmx-probe-{Guid.NewGuid():N}";
        meter.CreateObservableGauge(probe, () => 1);
        foreach (var costly in Mmx.Grains.OrleansMeters.Costly) meter.CreateObservableGauge(costly, () => 1);

        var metrics = "";
        await ShopLife.ShopLifeTestKit.Eventually(async () =>
            (metrics = await api.CreateClient().GetStringAsync("/metrics")).Contains(probe.Replace('-', '_')),
            "a scrape shows the probe published under Orleans' meter");
        foreach (var costly in Mmx.Grains.OrleansMeters.Costly)
        {
            Assert.DoesNotContain(costly.Replace('-', '_'), metrics);
        }
    }

    [Fact]
    public void The_embedded_silo_keeps_no_grain_directory_cache()
    {
        // One silo owns every directory entry; a cache would only copy them (and its size gauge walks it).
        var options = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.GrainDirectoryOptions>>().Value;
        Assert.Equal(Orleans.Configuration.GrainDirectoryOptions.CachingStrategyType.None, options.CachingStrategy);
    }
}
