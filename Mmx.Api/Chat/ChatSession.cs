using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mmx.Api.Live;
using Mmx.Grains.Accounts;
using Mmx.Grains.Messages;
using Mmx.Grains.Social;

namespace Mmx.Api.Chat;

/// <summary>
/// What one chat socket means: the user's live events turned into the original's frames
/// (invitations as <c>ADD_FRIEND</c>, answers as <c>CON_FRIEND</c>, fan-shop messages as
/// <c>SEND_FANS_M</c>), what the account missed while offline first, one socket per account
/// (<c>CHANGE_DEVICE</c> to the older one, on whichever front it is), and the client's frames.
/// The inbox and the friend lists stay the truth; what a socket was given is remembered in them
/// (<see cref="IInboxGrain.DeliveredToChat"/>, <see cref="IUserSocialGrain.AnswersSeen"/>), so a
/// reconnect repeats nothing and misses nothing that was stored.
/// </summary>
public sealed class ChatSession(long accId, ChatSocket socket, IGrainFactory grains,
    [FromKeyedServices(Mmx.Grains.Common.MmxClock.Key)] TimeProvider time, ILogger logger) : IUserListener
{
    private long _deliveredSeq;

    public long AccId { get; } = accId;
    public ChatSocket Socket { get; } = socket;
    public bool WatchesCustomers => false;
    public long ShopId { get; set; }
    public CancellationToken Closed => Socket.Closed;

    public void Close(string reason) => Socket.Close(reason == IUserListener.TooMany ? ChatSocket.OtherDevice : reason);

    public void OnCustomers(long shopId, long count)
    {
    }

    public void OnUserEvent(UserEvent userEvent)
    {
        switch (userEvent)
        {
            case { Kind: UserEventKind.ChatSocketOpened, SocketId: var other } when other != Socket.Id:
                // A newer socket of this account (here or on another front): this one gives way.
                Socket.Send(ChatFrames.OfChangeDevice(time.GetUtcNow().ToUnixTimeSeconds()));
                Socket.Close(ChatSocket.OtherDevice);
                break;
            case { Friend: { Type: FriendEventTypes.Invite } invite }:
                Socket.Send(ChatFrames.OfInvitation(AccId, invite));
                break;
            case { Friend: { Type: FriendEventTypes.Accept or FriendEventTypes.Decline } answer }:
                Socket.Send(ChatFrames.OfAnswer(AccId, answer));
                Acknowledge(grains.GetGrain<IUserSocialGrain>(AccId).AnswersSeen([answer.Uid]));
                break;
            case { Message: { } entry }:
                if (entry.Seq <= Interlocked.Read(ref _deliveredSeq)) break;
                Socket.Send(ChatFrames.OfMessage(entry));
                Interlocked.Exchange(ref _deliveredSeq, entry.Seq);
                Acknowledge(grains.GetGrain<IInboxGrain>(AccId).DeliveredToChat(entry.Seq));
                break;
        }
    }

    /// <summary>
    /// What the account missed, in the contract's order: pending invitations, answers to its own,
    /// unread fan-shop messages it was not given (the newest <paramref name="messages"/>). Called
    /// after the socket is registered with the hub, so an event in between is not lost (at worst
    /// an invitation is said twice).
    /// </summary>
    public async Task CatchUp(int messages)
    {
        var social = grains.GetGrain<IUserSocialGrain>(AccId);
        foreach (var invitation in await social.Invitations())
        {
            var (name, portrait) = await ProfileOf(invitation.From);
            Socket.Send(ChatFrames.OfInvitation(AccId, new FriendEvent
            {
                Type = FriendEventTypes.Invite, Uid = invitation.From, NickName = name, Portrait = portrait,
                Remark = invitation.Remark, Time = invitation.Time,
            }));
        }
        var answers = await social.UnseenAnswers();
        foreach (var answer in answers)
        {
            var (name, portrait) = answer.NickName.Length > 0 ? (answer.NickName, answer.Portrait) : await ProfileOf(answer.Uid);
            Socket.Send(ChatFrames.OfAnswer(AccId, answer with { NickName = name, Portrait = portrait }));
        }
        if (answers.Length > 0) await social.AnswersSeen([.. answers.Select(a => a.Uid)]);

        if (messages == 0) return;
        var inbox = grains.GetGrain<IInboxGrain>(AccId);
        var missed = await inbox.UndeliveredToChat(messages);
        foreach (var entry in missed)
        {
            if (entry.Seq <= Interlocked.Read(ref _deliveredSeq)) continue;
            Socket.Send(ChatFrames.OfMessage(entry));
            Interlocked.Exchange(ref _deliveredSeq, entry.Seq);
        }
        if (missed.Length > 0) await inbox.DeliveredToChat(missed[^1].Seq);
    }

    /// <summary>One frame from the client. A malformed one is answered ERROR err 1 and the socket stays open.</summary>
    public Task Receive(ReadOnlyMemory<byte> frame)
    {
        JsonObject? request;
        try
        {
            request = JsonNode.Parse(frame.Span) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }
        if (request?["c"] is not JsonValue commandValue || !commandValue.TryGetValue<string>(out var command))
        {
            Socket.Send(ChatFrames.OfError(Err.BadRequest, null, "a frame is a JSON object with a command \"c\""));
            return Task.CompletedTask;
        }
        switch (command)
        {
            case ChatFrames.ShopRoomName:
                if (ChatInput.Id(request["sid"]) is { } shopId) Socket.Send(ChatFrames.OfShopRoomName(shopId));
                else Socket.Send(ChatFrames.OfError(Err.BadRequest, command, "sid must be a shop id"));
                break;
            default:
                Socket.Send(ChatFrames.OfError(Err.BadRequest, command.Length <= 32 ? command : null, "unknown command"));
                break;
        }
        return Task.CompletedTask;
    }

    private async Task<(string Name, string Portrait)> ProfileOf(long user)
    {
        var profile = (await grains.GetGrain<IUserGrain>(user).GetProfile()).Value;
        return (profile?.Name ?? "", profile?.Portrait ?? "");
    }

    /// <summary>A record of what the socket was given: best effort (a lost one means a repeat on the next connect, never a loss).</summary>
    private void Acknowledge(Task write) => _ = write.ContinueWith(
        t => logger.LogDebug(t.Exception, "A chat socket's delivery mark for user {AccId} was not stored", AccId),
        CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
