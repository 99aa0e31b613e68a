using Mmx.Api.Chat;
using Mmx.Grains.Messages;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mmx.Tests.Chat;

/// <summary>
/// One socket per account, in the order they opened: a later socket makes an earlier one give way,
/// never the reverse. Before, any other socket's event closed this one, so the late event of a
/// socket the app had just replaced closed its replacement (seen as a flaky test).
/// </summary>
public sealed class ChatSessionOrderTests
{
    private static ChatSession Session(out ChatSocket socket)
    {
        socket = new ChatSocket(new ChatSocketQueueTests.StalledPeer(), new ChatSettings());
        return new ChatSession(7, socket, null!, TimeProvider.System, NullLogger.Instance);
    }

    [Fact]
    public void An_earlier_sockets_late_event_does_not_close_a_later_socket()
    {
        var session = Session(out var socket);
        session.Opened(10);
        session.OnUserEvent(UserEvent.ChatSocket("earlier", 5));
        Assert.Null(socket.ClosedBecause);
        session.OnUserEvent(UserEvent.ChatSocket("later", 11));
        Assert.Equal(ChatSocket.OtherDevice, socket.ClosedBecause);
    }

    [Fact]
    public void A_later_socket_seen_before_this_ones_place_is_known_still_wins()
    {
        var session = Session(out var socket);
        session.OnUserEvent(UserEvent.ChatSocket("later", 20));
        Assert.Null(socket.ClosedBecause);
        session.Opened(15);
        Assert.Equal(ChatSocket.OtherDevice, socket.ClosedBecause);
    }

    [Fact]
    public void A_socket_numbered_the_same_by_an_earlier_activation_does_not_close_this_one()
    {
        // The account's events grain deactivates when its last socket closes; the next activation
        // numbers from the clock again, which in a test stands still: the late event of the socket
        // before carries this socket's own number.
        var session = Session(out var socket);
        session.Opened(30);
        session.OnUserEvent(UserEvent.ChatSocket("before", 30));
        Assert.Null(socket.ClosedBecause);
    }
}
