using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mmx.Tests.Infrastructure;

/// <summary>One canned answer of the stub: status, body, content type, extra headers, and a delay before it.</summary>
public sealed record StubReply(HttpStatusCode Status, byte[] Body, string ContentType = "application/json")
{
    public TimeSpan Delay { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static StubReply Json(string json, HttpStatusCode status = HttpStatusCode.OK) => new(status, Encoding.UTF8.GetBytes(json));
}

/// <summary>
/// A stand-in for a third-party HTTP service (an SMS gateway, a provider, an image host): a small
/// Kestrel server on a free 127.0.0.1 port that records every request (path, query, body) and
/// answers with the reply set for its path, or the default status and body. Kestrel does not
/// check the Host header, so a test may reach it under a name its resolver maps to loopback.
/// </summary>
public sealed class StubHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, StubReply> _replies = [];

    public StubHttpServer()
    {
        Port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.Run(Answer);
        _app.Start();
    }

    public int Port { get; }
    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
    public string ResponseBody { get; set; } = "{}";
    public List<(string Method, string Path, string Body)> Requests { get; } = [];

    /// <summary>Query strings of the recorded requests, in order (same index as <see cref="Requests"/>).</summary>
    public List<string> Queries { get; } = [];

    public int RequestCount
    {
        get { lock (Requests) return Requests.Count; }
    }

    /// <summary>Answers requests for this path (without query) with this reply.</summary>
    public StubHttpServer On(string path, StubReply reply)
    {
        lock (_replies) _replies[path] = reply;
        return this;
    }

    private async Task Answer(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "/";
        lock (Requests)
        {
            Requests.Add((context.Request.Method, path, body));
            Queries.Add(context.Request.QueryString.Value ?? "");
        }
        StubReply? reply;
        lock (_replies) _replies.TryGetValue(path, out reply);
        reply ??= new StubReply(Status, Encoding.UTF8.GetBytes(ResponseBody));
        try
        {
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the client gave up (a timeout test)
        }
        context.Response.StatusCode = (int)reply.Status;
        context.Response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers) context.Response.Headers[name] = value;
        await context.Response.Body.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
