using System.Threading.Channels;
using Mmx.Api.Live;
using Mmx.Grains.Messages;

namespace Mmx.Api.Messages;

/// <summary>
/// One open <c>GET /user/events</c>: the events waiting for its reader (a bounded queue: a reader
/// that falls <see cref="EventSettings.QueueLength"/> events behind is dropped), and the shop whose
/// count it shows. Event ids are the inbox sequence number of the last message the stream carried,
/// so a client's <c>Last-Event-ID</c>, whatever the last event was, says which messages it has.
/// </summary>
public sealed class EventStream(long accId, int queueLength) : IUserListener
{
    private readonly Channel<ServerEvent> _queue = Channel.CreateBounded<ServerEvent>(
        new BoundedChannelOptions(queueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _closed = new();
    private string? _lastCustomers;

    /// <summary>Why the server ends a stream (<see cref="ClosedBecause"/>).</summary>
    public const string SlowReader = "slow reader";

    public long AccId { get; } = accId;
    public bool WatchesCustomers => true;
    /// <summary>The shop whose customer count it shows (0: none); changed by <see cref="EventHub"/> only.</summary>
    public long ShopId { get; set; }
    /// <summary>Why the server ended it (null while open or when the client left).</summary>
    public string? ClosedBecause { get; private set; }

    /// <summary>The server dropped it (a slow reader, one stream too many): its connection is to be cut, as writes may be stuck.</summary>
    public bool Dropped => ClosedBecause is SlowReader or IUserListener.TooMany;

    public ChannelReader<ServerEvent> Events => _queue.Reader;
    /// <summary>Cancelled when the server ends the stream: a write blocked on a slow client stops too.</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>Queues the event; a full queue ends the stream (its client resumes from Last-Event-ID).</summary>
    public void Offer(ServerEvent serverEvent)
    {
        // The same count twice (the answer to watching and a change that crossed it) is said once.
        if (serverEvent.Name == ServerEvent.Customers && Interlocked.Exchange(ref _lastCustomers, serverEvent.Data) == serverEvent.Data) return;
        if (!_queue.Writer.TryWrite(serverEvent)) Close(SlowReader);
    }

    public void OnUserEvent(UserEvent userEvent)
    {
        var serverEvent = userEvent switch
        {
            { Message: { } entry } => ServerEvent.OfMessage(entry),
            { Friend: { } friend } => ServerEvent.OfFriend(friend),
            _ => null,
        };
        if (serverEvent is not null) Offer(serverEvent);
    }

    public void OnCustomers(long shopId, long count) => Offer(ServerEvent.OfCustomers(shopId, count));

    public void Close(string reason)
    {
        if (!_queue.Writer.TryComplete()) return;
        ClosedBecause = reason;
        _closed.Cancel();
    }
}
