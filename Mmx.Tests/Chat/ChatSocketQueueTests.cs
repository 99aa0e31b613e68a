using System.Net.WebSockets;
using Mmx.Api.Chat;

namespace Mmx.Tests.Chat;

/// <summary>A chat socket's outgoing queue: a reader that does not take its frames is dropped, never buffered without bound.</summary>
public sealed class ChatSocketQueueTests
{
    /// <summary>A peer that never reads: every send waits until the socket is cut.</summary>
    internal sealed class StalledPeer : WebSocket
    {
        private readonly TaskCompletionSource _cut = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private WebSocketState _state = WebSocketState.Open;
        public int Sends;

        public override WebSocketCloseStatus? CloseStatus => null;
        public override string? CloseStatusDescription => null;
        public override WebSocketState State => _state;
        public override string? SubProtocol => null;

        public override void Abort()
        {
            _state = WebSocketState.Aborted;
            _cut.TrySetResult();
        }

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => _cut.Task.WaitAsync(cancellationToken);
        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => _cut.Task.WaitAsync(cancellationToken);
        public override void Dispose() => Abort();

        public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
        {
            await _cut.Task.WaitAsync(cancellationToken);
            throw new WebSocketException("cut");
        }

        public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Sends);
            await _cut.Task.WaitAsync(cancellationToken);
            throw new WebSocketException("cut");
        }
    }

    [Fact]
    public async Task A_reader_that_falls_a_whole_queue_behind_is_dropped()
    {
        var peer = new StalledPeer();
        var socket = new ChatSocket(peer, new ChatSettings { QueueLength = 8 });
        var running = socket.Run(_ => Task.CompletedTask, CancellationToken.None);
        // One frame is on its way (stuck in the peer); eight wait; the tenth is one too many.
        socket.Send([(byte)'{', (byte)'}']);
        await Task.Delay(200);
        for (var i = 0; i < 8; i++) socket.Send([(byte)'{', (byte)'}']);
        Assert.Null(socket.ClosedBecause);
        socket.Send([(byte)'{', (byte)'}']);
        Assert.Equal(ChatSocket.SlowReader, socket.ClosedBecause);
        // The stuck write is given up (2 s after the close) and the connection cut: nothing is held.
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(WebSocketState.Aborted, peer.State);
        Assert.True(peer.Sends <= 2);
    }
}
