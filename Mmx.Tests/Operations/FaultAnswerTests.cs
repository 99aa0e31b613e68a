using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mmx.Tests.Operations;

/// <summary>An unexpected fault answers JSON err 99 with a correlation id (the request's trace id), and the log line carries the same id.</summary>
public sealed class FaultAnswerTests(FaultAnswerTests.Api api) : IClassFixture<FaultAnswerTests.Api>
{
    public sealed class Api : ApiFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.Services.AddSingleton<ILoggerProvider>(new LinesProvider(Lines)));
            // A request no route takes reaches the end of the pipeline; there this test's fault waits.
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FaultAtTheEnd()));
        }
    }

    [Fact]
    public async Task A_fault_is_err_99_with_a_correlation_id_that_the_log_shows()
    {
        using var response = await api.CreateClient().GetAsync("/test/fault");

        Assert.Equal(500, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonNode.Parse(body)!;
        Assert.Equal(99, (int)answer["err"]!);
        var cid = (string)answer["cid"]!;
        Assert.False(string.IsNullOrEmpty(cid));
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.Contains(api.Lines, line => line.Contains(cid) && line.Contains("test fault"));
    }

    [Fact]
    public async Task The_correlation_id_is_the_requests_trace_id()
    {
        // A caller that sent a W3C traceparent finds the fault under its own trace.
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/fault");
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await api.CreateClient().SendAsync(request);
        Assert.Equal(traceId, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cid"]);
    }

    private sealed class FaultAtTheEnd : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/test/fault"
                ? throw new InvalidOperationException("test fault")
                : Task.CompletedTask);
        };
    }

    private sealed class LinesProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Lines(lines);
        public void Dispose() { }

        private sealed class Lines(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{formatter(state, exception)} {exception?.Message}");
        }
    }
}
