using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Activity = System.Diagnostics.Activity;

namespace Mmx.Tests.Operations;

/// <summary>
/// Traces: with Mmx:Telemetry:OtlpEndpoint set, one HTTP request's trace holds the API's span, its
/// grain calls (and in cluster mode the silos' side of them and the PostgreSQL commands), and is
/// exported by OTLP. An in-memory exporter added beside MMX's own reads the spans.
/// </summary>
public sealed class TracingTests
{
    /// <summary>An API front whose tracer also keeps every finished span in <see cref="Spans"/>.</summary>
    private sealed class TracedApi(StubHttpServer collector, string? connectionString = null, string? clusterId = null)
        : ApiFactory(connectionString, clusterId, Traced(collector).ToDictionary(e => e.Key, e => e.Value!))
    {
        public List<Activity> Spans { get; } = [];

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));

        public Activity[] Snapshot()
        {
            lock (Spans) return [.. Spans];
        }
    }

    /// <summary>The settings of a process that exports its traces to the collector.</summary>
    private static Dictionary<string, string?> Traced(StubHttpServer collector) => new()
    {
        ["Mmx:Telemetry:OtlpEndpoint"] = collector.Url("/v1/traces").ToString(),
        ["Mmx:Telemetry:OtlpProtocol"] = "http/protobuf",
    };

    private static async Task<(Activity Request, Activity[] Trace)> TraceOf(TracedApi api, string path)
    {
        Activity? request = null;
        await ShopLife.ShopLifeTestKit.Eventually(() => Task.FromResult(
            (request = api.Snapshot().FirstOrDefault(s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore"
                && (s.GetTagItem("url.path") as string) == path)) is not null), $"the server span of {path} was exported");
        return (request!, api.Snapshot().Where(s => s.TraceId == request!.TraceId).ToArray());
    }

    [Fact]
    public async Task One_request_is_one_trace_through_its_grain_calls_and_it_is_exported()
    {
        await using var collector = new StubHttpServer();
        var api = new TracedApi(collector);
        try
        {
            var client = api.NewClient();
            Assert.Equal(0, (int)(await client.Get("/user/shop/info?sid=1"))["err"]!);
            var (request, trace) = await TraceOf(api, "/user/shop/info");
            var grainCalls = trace.Where(s => s.Source.Name.StartsWith("Microsoft.Orleans")).ToList();
            Assert.NotEmpty(grainCalls);
            Assert.Contains(grainCalls, s => s.DisplayName.Contains("ShopLife", StringComparison.OrdinalIgnoreCase));
            Assert.All(grainCalls, s => Assert.Equal(request.TraceId, s.TraceId));
        }
        finally
        {
            // Stopping flushes the batch exporter: the collector got OTLP over HTTP.
            await api.DisposeAsync();
        }
        Assert.Contains(collector.Requests, r => r.Method == "POST" && r.Path == "/v1/traces");
    }

    /// <summary>An API front configured only by the standard OTEL_* variables (as an SDK-wide setup sets them), keeping its spans too.</summary>
    private sealed class OtelVariablesApi(StubHttpServer collector) : ApiFactory(settings: new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url().ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_SERVICE_NAME"] = "mmx-front-by-otel-vars",
        ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=otel-test",
        // The provider call below goes to the same stub.
        ["Mmx:ThirdParty:WeChat:BaseUrl"] = collector.Url().ToString().TrimEnd('/'),
        ["Mmx:ThirdParty:WeChat:AppId"] = "wx-otel",
        ["Mmx:ThirdParty:WeChat:AppSecret"] = "otel-secret",
    })
    {
        public List<Activity> Spans { get; } = [];

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
    }

    [Fact]
    public async Task The_standard_otel_variables_alone_export_traces_and_metrics_and_outgoing_http_is_traced()
    {
        await using var collector = new StubHttpServer();
        var api = new OtelVariablesApi(collector);
        try
        {
            // A provider call (the WeChat code exchange) is an outgoing HTTP request of this front.
            Assert.Equal(8, (int)(await api.NewClient().Get("/thirdlogin/wechat?code=otel"))["err"]!);
            Activity[] Snapshot() { lock (api.Spans) return [.. api.Spans]; }
            await ShopLife.ShopLifeTestKit.Eventually(() => Task.FromResult(Snapshot().Any(s => s.Kind == ActivityKind.Client
                && (s.GetTagItem("url.full") as string)?.Contains("/sns/oauth2/access_token") == true)), "the provider call's client span");
            var server = Snapshot().First(s => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string) == "/thirdlogin/wechat");
            var client = Snapshot().First(s => s.Kind == ActivityKind.Client && (s.GetTagItem("url.full") as string)?.Contains("/sns/") == true);
            Assert.Equal(server.TraceId, client.TraceId);
            // The app secret is in that URL's query: the span keeps the query redacted.
            Assert.DoesNotContain("otel-secret", (string)client.GetTagItem("url.full")!);
        }
        finally
        {
            await api.DisposeAsync();
        }
        var traces = collector.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.Contains(traces, r => r.Body.Contains("mmx-front-by-otel-vars") && r.Body.Contains("otel-test"));
        Assert.Contains(collector.Requests, r => r.Method == "POST" && r.Path == "/v1/metrics");
    }

    [Collection(PostgresCollection.Name)]
    public sealed class InClusterMode(PostgresServer postgres)
    {
        [Fact]
        public async Task A_write_is_one_trace_from_the_api_through_the_silos_to_postgresql()
        {
            var clusterId = $"traces-{Guid.NewGuid():N}";
            await using var collector = new StubHttpServer();
            // Every process of a traced cluster exports traces: only then do its grain calls carry them.
            await using var silos = await Postgres.SiloPair.Start(postgres.ConnectionString, clusterId, Traced(collector));
            await using var api = new TracedApi(collector, postgres.ConnectionString, clusterId);
            Assert.Equal(0, (int)(await api.Import("""
                {"cities":[{"id":22001,"name":"苏州"}],
                 "categories":[{"id":22010,"name":"女装","pic":"https://img.test/c.png","parent":0}],
                 "shops":[{"id":22100,"name":"观前店","city":22001,"category":22010,"long":120.6,"lat":31.3}]}
                """))["err"]!);
            var client = api.NewClient();
            await client.SignUp(AccountTestKit.NewPhone());
            lock (api.Spans) api.Spans.Clear();

            Assert.Equal(0, (int)(await client.Post("/user/shop/concern?sid=22100"))["err"]!);
            var (request, trace) = await TraceOf(api, "/user/shop/concern");
            // The front's side of a grain call, the silo's side of it, and the storage's commands.
            Assert.Contains(trace, s => s.Source.Name.StartsWith("Microsoft.Orleans") && s.Kind == ActivityKind.Client);
            Assert.Contains(trace, s => s.Source.Name.StartsWith("Microsoft.Orleans") && s.Kind == ActivityKind.Server);
            Assert.Contains(trace, s => s.Source.Name == "Npgsql");
            Assert.All(trace, s => Assert.Equal(request.TraceId, s.TraceId));
        }
    }
}
