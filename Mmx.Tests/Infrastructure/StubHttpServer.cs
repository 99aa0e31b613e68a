using System.Net;
using System.Text;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// A stand-in for a third-party HTTP service (an SMS gateway, a provider) on a free loopback port:
/// records every request and answers with the status and body the test sets.
/// </summary>
public sealed class StubHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public StubHttpServer()
    {
        Port = FreePorts.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }
    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
    public string ResponseBody { get; set; } = "{}";
    public List<(string Method, string Path, string Body)> Requests { get; } = [];

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests) Requests.Add((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body));
            context.Response.StatusCode = (int)Status;
            var bytes = Encoding.UTF8.GetBytes(ResponseBody);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
