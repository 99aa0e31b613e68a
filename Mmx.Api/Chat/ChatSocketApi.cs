using System.Net.WebSockets;
using Mmx.Api.Live;
using Mmx.Api.Lookups;
using Mmx.Api.Validation;
using Mmx.Grains.Common;
using Mmx.Grains.Messages;

namespace Mmx.Api.Chat;

/// <summary>
/// <c>GET /chat/</c> upgraded to a WebSocket: the shipped apps' live channel (contract, "The chat
/// socket"). Authenticated before the upgrade, by the session token (<c>Authorization: Bearer</c>,
/// the <c>mmx_token</c> cookie or <c>?token=</c>) or as the apps do, <c>?u={accID or mcode}&amp;p={MD5 of
/// the password}</c> (guarded like a login); a refusal is HTTP 401 and no socket. The socket lives
/// as long as what it was opened on (<see cref="LiveConnections"/>).
/// </summary>
public static class ChatSocketApi
{
    public static IEndpointRouteBuilder MapChatSocketApi(this IEndpointRouteBuilder app)
    {
        // Routing matches /chat as well (a trailing slash is not significant to it).
        app.MapGet("/chat/", Connect).WithTags("Chat").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Connect(HttpContext context, IGrainFactory grains, EventHub hub, LiveConnections connections,
        KnownIds known, ChatSettings settings, [FromKeyedServices(MmxClock.Key)] TimeProvider clock, ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest) throw ApiException.BadRequest("/chat/ is a WebSocket: send an upgrade request");
        using var connection = await ChatIdentity.Hold(context, grains, connections, known);
        using var webSocket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = TimeSpan.FromSeconds(settings.KeepAliveSeconds),
        });
        var socket = new ChatSocket(webSocket, settings);
        var session = new ChatSession(connection.AccId, socket, grains, clock, loggers.CreateLogger("Mmx.Api.Chat"));
        var commands = new ChatCommands(session, grains, known, clock);
        // The session (or password) it was opened on ended: the socket ends within the second.
        using var ending = connection.Ended.Register(() => socket.Close(
            connection.EndedBecause == LiveConnections.TooOld ? ChatSocket.Reconnect : ChatSocket.SessionEnded,
            connection.EndedBecause == LiveConnections.TooOld ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.PolicyViolation));
        await hub.Open(session);
        try
        {
            // Every other socket of the account, on any front, gives way to this one. Numbered before
            // a frame is read: a socket that a bad frame closes at once is still numbered before any
            // socket its app opens next (numbered after, its late number made the newer one give way).
            session.Opened(await grains.GetGrain<IUserEventsGrain>(connection.AccId).ChatSocketOpened(socket.Id));
            var running = socket.Run(commands.Receive, context.RequestAborted);
            await session.CatchUp(settings.MissedMessagesOnConnect);
            await session.CatchUpConversations(settings.MissedChatsPerConversation);
            await Task.WhenAll(running, KeepShopRooms(session, settings));
        }
        finally
        {
            await hub.Close(session);
        }
        return Results.Empty;
    }

    /// <summary>While the socket is open, its shop rooms are entered again each period (their members lapse after 10 minutes).</summary>
    private static async Task KeepShopRooms(ChatSession session, ChatSettings settings)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.RoomRenewSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(session.Closed)) await session.RenewShopRooms();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
