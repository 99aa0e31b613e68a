using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Mmx.Tests.Infrastructure;

/// <summary>One event of a text/event-stream as a client parses it.</summary>
public sealed record ReceivedEvent(string? Id, string Name, JsonNode Data);

/// <summary>
/// <c>GET /user/events</c> read as an EventSource client reads it: an HTTP request whose answer is
/// read line by line as it arrives; events are parsed into <see cref="ReceivedEvent"/>s, comment
/// lines counted. A background task reads, so a test waits on events with a time limit.
/// </summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<ReceivedEvent> _events = Channel.CreateUnbounded<ReceivedEvent>();
    private readonly Task _pump;
    private int _comments;
    private int _disposed;

    private EventStreamReader(HttpResponseMessage response)
    {
        _response = response;
        _pump = Pump();
    }

    public int Comments => Volatile.Read(ref _comments);
    /// <summary>Completes when the server ends the stream.</summary>
    public Task Ended => _pump;
    public HttpResponseMessage Response => _response;

    public static async Task<EventStreamReader> Open(HttpClient http, string? token, string? lastEventId = null, string url = "/user/events")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStreamReader(response);
    }

    /// <summary>The next event named <paramref name="name"/> (others are skipped) that <paramref name="match"/> accepts.</summary>
    public async Task<ReceivedEvent> Next(string name, Func<JsonNode, bool>? match = null, int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var received = await _events.Reader.ReadAsync(timeout.Token);
                if (received.Name == name && (match is null || match(received.Data))) return received;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"no '{name}' event within {seconds} s");
        }
        catch (ChannelClosedException)
        {
            throw new Xunit.Sdk.XunitException($"the stream ended before a '{name}' event");
        }
    }

    /// <summary>Every event that has arrived and was not taken yet.</summary>
    public List<ReceivedEvent> Pending()
    {
        var list = new List<ReceivedEvent>();
        while (_events.Reader.TryRead(out var e)) list.Add(e);
        return list;
    }

    private async Task Pump()
    {
        try
        {
            await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body);
            string? id = null, name = null;
            var data = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0) _events.Writer.TryWrite(new ReceivedEvent(id, name ?? "message", JsonNode.Parse(string.Join("\n", data))!));
                    id = name = null;
                    data.Clear();
                }
                else if (line.StartsWith(':')) Interlocked.Increment(ref _comments);
                else if (line.StartsWith("id: ")) id = line[4..];
                else if (line.StartsWith("event: ")) name = line[7..];
                else if (line.StartsWith("data: ")) data.Add(line[6..]);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The server cut the connection.
        }
        catch (HttpRequestException)
        {
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        try { await _pump; } catch (OperationCanceledException) { }
        _response.Dispose();
        _stop.Dispose();
    }
}
