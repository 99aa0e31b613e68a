using System.Net.WebSockets;
using System.Threading.Channels;

namespace Mmx.Api.Chat;

/// <summary>
/// One open chat socket's transport: a bounded queue of frames for its reader (a reader that falls
/// <see cref="ChatSettings.QueueLength"/> frames behind is dropped, never buffered without bound),
/// and the read loop with the contract's limits (a frame over <see cref="ChatSettings.MaxFrameBytes"/>
/// or more than <see cref="ChatSettings.FramesPerSecond"/> a second closes it). What the frames mean
/// is <see cref="ChatSession"/>'s business.
/// </summary>
public sealed class ChatSocket(WebSocket socket, ChatSettings settings)
{
    /// <summary>Why the server closed it (<see cref="ClosedBecause"/>).</summary>
    public const string SlowReader = "slow reader", TooBig = "frame too large", Flood = "too many frames",
        SessionEnded = "session ended", Reconnect = "reconnect", OtherDevice = "another device", ClientLeft = "client left";

    private readonly Channel<byte[]> _out = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(settings.QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _closed = new();
    // Cancelled two seconds after a close: a write still stuck then is given up.
    private readonly CancellationTokenSource _closeGrace = new();
    private readonly Queue<long> _recentFrames = new();
    private WebSocketCloseStatus _status = WebSocketCloseStatus.NormalClosure;

    /// <summary>Unique across fronts: a newer socket of the same account names itself by it.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");
    public string? ClosedBecause { get; private set; }
    public CancellationToken Closed => _closed.Token;

    /// <summary>Queues a frame; a full queue closes the socket.</summary>
    public void Send(byte[] frame)
    {
        if (!_out.Writer.TryWrite(frame)) Close(SlowReader, WebSocketCloseStatus.PolicyViolation);
    }

    /// <summary>Ends the socket: what is queued still goes out (briefly), then the close frame.</summary>
    public void Close(string reason, WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        if (!_out.Writer.TryComplete()) return;
        ClosedBecause = reason;
        _status = status;
        _closed.Cancel();
        _closeGrace.CancelAfter(TimeSpan.FromSeconds(2));
    }

    /// <summary>Runs the socket until it closes: frames read go to <paramref name="received"/>, one at a time.</summary>
    public async Task Run(Func<ReadOnlyMemory<byte>, Task> received, CancellationToken aborted)
    {
        var sending = Pump(aborted);
        var reading = Read(received, aborted);
        await Task.WhenAny(reading, sending);
        // The client closed, broke, or broke a limit: what is queued goes out, then the close frame.
        Close(ClientLeft);
        await sending;
        // The peer's answer to the close, briefly, reading and dropping what it still sends: cutting
        // the connection with bytes unread would reset it and lose the close frame on the way.
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        answer.CancelAfter(TimeSpan.FromSeconds(2));
        await Drain(reading, answer.Token);
        if (socket.State != WebSocketState.Closed) socket.Abort();
    }

    /// <summary>Reads frames until the client closes (returns) or the socket breaks (returns too).</summary>
    private async Task Read(Func<ReadOnlyMemory<byte>, Task> received, CancellationToken aborted)
    {
        try
        {
            await ReadFrames(received, aborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private async Task ReadFrames(Func<ReadOnlyMemory<byte>, Task> received, CancellationToken aborted)
    {
        // Not cancelled by a close: cancelling a receive aborts the socket before the close frame is
        // sent. A close ends the read through Drain, after the close frame.
        var buffer = new byte[settings.MaxFrameBytes + 1];
        while (!_closed.IsCancellationRequested)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    Close(TooBig, WebSocketCloseStatus.MessageTooBig);
                    return;
                }
                result = await socket.ReceiveAsync(buffer.AsMemory(length), aborted);
                if (result.MessageType == WebSocketMessageType.Close) return;
                length += result.Count;
            }
            while (!result.EndOfMessage);
            if (_closed.IsCancellationRequested) return;
            if (Flooding())
            {
                Close(Flood, WebSocketCloseStatus.PolicyViolation);
                return;
            }
            await received(buffer.AsMemory(0, length));
        }
    }

    /// <summary>After the close frame: the read loop's end, or frames read and dropped until the peer's close.</summary>
    private async Task Drain(Task reading, CancellationToken until)
    {
        try
        {
            if (!reading.IsCompleted) await reading.WaitAsync(until);
            var scrap = new byte[4096];
            while (socket.State == WebSocketState.CloseSent)
            {
                if ((await socket.ReceiveAsync(scrap.AsMemory(), until)).MessageType == WebSocketMessageType.Close) return;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
        }
    }

    /// <summary>One more frame: whether this second has seen more than the allowed number.</summary>
    private bool Flooding()
    {
        // Real (monotonic) milliseconds: a flood is a matter of the wire, not of MMX's clock.
        var now = Environment.TickCount64;
        _recentFrames.Enqueue(now);
        while (_recentFrames.Count > 0 && now - _recentFrames.Peek() > 1000) _recentFrames.Dequeue();
        return _recentFrames.Count > settings.FramesPerSecond;
    }

    /// <summary>Writes queued frames as they come; after a close, the rest within two seconds, then the close frame.</summary>
    private async Task Pump(CancellationToken aborted)
    {
        try
        {
            await foreach (var frame in _out.Reader.ReadAllAsync(aborted))
            {
                using var budget = CancellationTokenSource.CreateLinkedTokenSource(aborted, _closeGrace.Token);
                // A write a reader does not take within this is a reader gone: the socket is dropped.
                budget.CancelAfter(TimeSpan.FromSeconds(30));
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, budget.Token);
            }
            using var closing = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            closing.CancelAfter(TimeSpan.FromSeconds(1));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(_status, ClosedBecause, closing.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A reader that does not take its frames (or a broken connection): cut, nothing to say.
            socket.Abort();
        }
        finally
        {
            Close(ClientLeft);
        }
    }
}
