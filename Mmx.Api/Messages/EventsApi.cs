using Microsoft.AspNetCore.Http.Features;
using Mmx.Api.Live;
using Mmx.Grains.Messages;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Messages;

/// <summary>
/// <c>GET /user/events</c>: the user's live events as Server-Sent Events (contract, "Messages
/// from fan shops and live events"). A stream that resumes (<c>Last-Event-ID</c>) first gets the
/// inbox messages after that id; then whatever <see cref="EventHub"/> queues for it, with a
/// comment when idle.
/// </summary>
public static class EventsApi
{
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();
    // Browsers' EventSource waits this long before reconnecting.
    private static readonly byte[] Retry = "retry: 3000\n\n"u8.ToArray();

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/user").WithTags("Messages").RequireSession().MapGet("/events", Stream)
            .WithSummary("Live events (text/event-stream): customers, message, friend; resumes from Last-Event-ID")
            .Produces<string>(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    /// <summary>Writes the stream itself; the result it answers when the stream ends writes nothing more.</summary>
    private static async Task<IResult> Stream(HttpContext context, IGrainFactory grains, EventHub hub, EventSettings settings, LiveConnections connections)
    {
        // Held on its session: the stream ends when the session does (logout, reset, expiry, ...).
        using var connection = await connections.Open(Sessions.HashOf(Sessions.TokenOf(context.Request)!))
            ?? throw new ApiException(Err.NotLoggedIn, "the session has ended; log in again");
        var accId = connection.AccId;
        var aborted = context.RequestAborted;
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // nginx and similar proxies would otherwise hold events back.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var stream = new EventStream(accId, settings.QueueLength);
        await hub.Open(stream);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(aborted, stream.Closed, connection.Ended);
        try
        {
            await response.Body.WriteAsync(Retry, ended.Token);
            var inbox = grains.GetGrain<IInboxGrain>(accId);
            var resumeAfter = LastEventId(context.Request);
            // Subscribed first, read second: a message delivered in between is in both, and the cursor skips the copy.
            var caughtUp = await inbox.Since(resumeAfter ?? long.MaxValue);
            var cursor = await Write(response, caughtUp.Entries, Math.Min(resumeAfter ?? caughtUp.LastSeq, caughtUp.LastSeq), ended.Token);
            await response.Body.FlushAsync(ended.Token);
            await hub.Show(stream, await grains.GetGrain<IUserShopsGrain>(accId).CurrentShop());

            var keepAlive = TimeSpan.FromSeconds(settings.KeepAliveSeconds);
            while (!ended.IsCancellationRequested)
            {
                if (!await Wait(stream, keepAlive, ended.Token))
                {
                    await response.Body.WriteAsync(KeepAlive, ended.Token);
                    await response.Body.FlushAsync(ended.Token);
                    continue;
                }
                while (stream.Events.TryRead(out var serverEvent))
                {
                    if (serverEvent.Seq == 0) await response.Body.WriteAsync(serverEvent.Encode(cursor), ended.Token);
                    else if (serverEvent.Seq == cursor + 1) await response.Body.WriteAsync(serverEvent.Encode(cursor = serverEvent.Seq), ended.Token);
                    // A gap (an event lost on the way, e.g. while a silo failed): the inbox has them all.
                    else if (serverEvent.Seq > cursor) cursor = await Write(response, (await inbox.Since(cursor)).Entries, cursor, ended.Token);
                }
                await response.Body.FlushAsync(ended.Token);
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
        }
        finally
        {
            await hub.Close(stream);
        }
        // Dropped by the server (a slow reader, one stream too many): end the connection, writes may be stuck.
        if (stream.Dropped && !aborted.IsCancellationRequested) context.Abort();
        return Results.Empty;
    }

    /// <summary>True when events wait; false when the keep-alive time passed without one. Ends (cancelled) when the stream does.</summary>
    private static async Task<bool> Wait(EventStream stream, TimeSpan keepAlive, CancellationToken ended)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ended);
        idle.CancelAfter(keepAlive);
        try
        {
            if (await stream.Events.WaitToReadAsync(idle.Token)) return true;
            throw new OperationCanceledException(ended);
        }
        catch (OperationCanceledException) when (!ended.IsCancellationRequested && idle.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<long> Write(HttpResponse response, ImmutableArray<InboxEntry> entries, long cursor, CancellationToken ended)
    {
        foreach (var entry in entries)
        {
            if (entry.Seq <= cursor) continue;
            await response.Body.WriteAsync(ServerEvent.OfMessage(entry).Encode(entry.Seq), ended);
            cursor = entry.Seq;
        }
        return cursor;
    }

    /// <summary>The id the client last saw; absent or unreadable: none (the stream starts from now).</summary>
    private static long? LastEventId(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].ToString(), out var id) && id >= 0 ? id : null;
}
