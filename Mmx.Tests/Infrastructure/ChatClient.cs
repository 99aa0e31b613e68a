using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Mmx.Tests.Infrastructure;

/// <summary>
/// A chat socket as the shipped apps hold one: a real WebSocket to a front's loopback port; frames
/// arrive as JSON objects, read in the background so a test waits on them with a time limit.
/// </summary>
public sealed class ChatClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonObject> _frames = Channel.CreateUnbounded<JsonObject>();
    private readonly Task _pump;

    private ChatClient(ClientWebSocket socket)
    {
        _socket = socket;
        _pump = Pump();
    }

    /// <summary>Completes when the server closed the socket (or it broke).</summary>
    public Task Ended => _pump;
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Connects; a refused upgrade throws <see cref="Refused"/> with the HTTP status.</summary>
    public static async Task<ChatClient> Connect(Uri uri, string? bearer = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (bearer is not null) socket.Options.SetRequestHeader("Authorization", $"Bearer {bearer}");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await socket.ConnectAsync(uri, timeout.Token);
        }
        catch (WebSocketException) when (socket.HttpStatusCode != HttpStatusCode.SwitchingProtocols && socket.HttpStatusCode != 0)
        {
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new Refused(status);
        }
        return new ChatClient(socket);
    }

    public sealed class Refused(HttpStatusCode status) : Exception($"the upgrade was refused with HTTP {(int)status}")
    {
        public HttpStatusCode Status { get; } = status;
    }

    public Task Send(string json) => Send(Encoding.UTF8.GetBytes(json));

    public Task Send(byte[] frame) => _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next frame with command <paramref name="command"/> (others are skipped) that <paramref name="match"/> accepts.</summary>
    public async Task<JsonObject> Next(string command, Func<JsonObject, bool>? match = null, int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            while (true)
            {
                var frame = await _frames.Reader.ReadAsync(timeout.Token);
                if ((string?)frame["c"] == command && (match is null || match(frame))) return frame;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"no '{command}' frame within {seconds} s");
        }
        catch (ChannelClosedException)
        {
            throw new Xunit.Sdk.XunitException($"the socket closed ({CloseStatus}) before a '{command}' frame");
        }
    }

    /// <summary>Every frame that arrived and was not taken yet.</summary>
    public List<JsonObject> Pending()
    {
        var list = new List<JsonObject>();
        while (_frames.Reader.TryRead(out var frame)) list.Add(frame);
        return list;
    }

    /// <summary>
    /// The frames that arrived before the server answered one more request: frames are answered in
    /// order, so everything the server meant to send on connect (or before) is among them.
    /// </summary>
    public async Task<List<JsonObject>> Settled()
    {
        await Send("""{"c":"SHOP_GNAME","sid":1}""");
        var before = new List<JsonObject>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var frame = await _frames.Reader.ReadAsync(timeout.Token);
            if ((string?)frame["c"] == "SHOP_GNAME") return before;
            before.Add(frame);
        }
    }

    /// <summary>Whether the server ends the socket within <paramref name="seconds"/>.</summary>
    public async Task<bool> EndsWithin(double seconds) => await Task.WhenAny(_pump, Task.Delay(TimeSpan.FromSeconds(seconds))) == _pump;

    private async Task Pump()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close) return;
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                _frames.Writer.TryWrite((JsonObject)JsonNode.Parse(message.ToArray())!);
            }
        }
        catch (WebSocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        _socket.Abort();
        try { await _pump; } catch (Exception) { }
        _socket.Dispose();
    }
}
