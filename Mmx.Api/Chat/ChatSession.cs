using Mmx.Api.Live;
using Mmx.Grains.Chat;
using Mmx.Grains.Accounts;
using Mmx.Grains.Messages;
using Mmx.Grains.Social;

namespace Mmx.Api.Chat;

/// <summary>
/// What one chat socket means: the user's live events turned into the original's frames
/// (invitations as <c>ADD_FRIEND</c>, answers as <c>CON_FRIEND</c>, fan-shop messages as
/// <c>SEND_FANS_M</c>, chat messages as <c>CHAT_M</c>, group invitations as <c>INVITE</c>), what the
/// account missed while offline first, and one socket per account (<c>CHANGE_DEVICE</c> to the
/// older one, on whichever front it is). The client's frames are <see cref="ChatCommands"/>'.
/// The inbox and the friend lists stay the truth; what a socket was given is remembered in them
/// (<see cref="IInboxGrain.DeliveredToChat"/>, <see cref="IUserSocialGrain.AnswersSeen"/>), so a
/// reconnect repeats nothing and misses nothing that was stored.
/// </summary>
public sealed class ChatSession(long accId, ChatSocket socket, IGrainFactory grains,
    [FromKeyedServices(Mmx.Grains.Common.MmxClock.Key)] TimeProvider time, ILogger logger) : IUserListener
{
    private long _deliveredSeq;
    // This socket's place among its account's sockets (0 until the events grain answers), and the
    // latest other socket seen meanwhile.
    private long _socketSeq, _latestOther;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _shopRooms = [];
    // The seqs this socket was given of each room (a room's newest 1,000 at most): catch-up and
    // live delivery may cross, and one-way deliveries may arrive out of order.
    private readonly Dictionary<string, SortedSet<long>> _givenInRoom = new(StringComparer.Ordinal);

    public long AccId { get; } = accId;
    public ChatSocket Socket { get; } = socket;
    public bool WatchesCustomers => false;
    public long ShopId { get; set; }
    public CancellationToken Closed => Socket.Closed;

    public void Close(string reason) => Socket.Close(reason == IUserListener.TooMany ? ChatSocket.OtherDevice : reason);

    public void OnCustomers(long shopId, long count)
    {
    }

    /// <summary>The shop rooms this socket is in (renewed while it is open: being there is presence).</summary>
    public string[] ShopRooms
    {
        get { lock (_gate) return [.. _shopRooms]; }
    }

    public void EnteredShopRoom(string room)
    {
        lock (_gate) _shopRooms.Add(room);
    }

    public void LeftShopRoom(string room)
    {
        lock (_gate) _shopRooms.Remove(room);
    }

    /// <summary>Enters each shop room again, so that the user stays in it (and counted in the shop) while the socket is open.</summary>
    public async Task RenewShopRooms()
    {
        foreach (var room in ShopRooms)
        {
            try
            {
                if (await grains.GetGrain<IChatRoomGrain>(room).Enter(AccId) != Err.Ok) LeftShopRoom(room);
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "User {AccId}'s shop room {Room} was not renewed; trying again next round", AccId, room);
            }
        }
    }

    public void OnUserEvent(UserEvent userEvent)
    {
        switch (userEvent)
        {
            case { Kind: UserEventKind.ChatSocketOpened, SocketId: var other, SocketSeq: var seq } when other != Socket.Id:
                lock (_gate)
                {
                    _latestOther = Math.Max(_latestOther, seq);
                    // Not known yet: decided when it is (Opened). An equal number comes from an earlier
                    // activation of the events grain (numbers restart from the clock when it
                    // reactivates, and a test's clock stands still): that socket is the older one.
                    if (_socketSeq == 0 || seq <= _socketSeq) break;
                }
                GiveWay();
                break;
            case { Friend: { Type: FriendEventTypes.Invite } invite }:
                Socket.Send(ChatFrames.OfInvitation(AccId, invite));
                break;
            case { Friend: { Type: FriendEventTypes.Accept or FriendEventTypes.Decline } answer }:
                Socket.Send(ChatFrames.OfAnswer(AccId, answer));
                Acknowledge(grains.GetGrain<IUserSocialGrain>(AccId).AnswersSeen([answer.Uid]));
                break;
            case { Chat: { } chat }:
                if (!Give(chat.Room, chat.Message.Seq)) break;
                Socket.Send(ChatFrames.OfChat(chat.Room, chat.Message));
                if (!chat.Room.StartsWith(ChatRoomName.ShopPrefix, StringComparison.Ordinal))
                    Acknowledge(grains.GetGrain<IUserChatsGrain>(AccId).Delivered(chat.Room, chat.Message.Seq));
                break;
            case { ChatInvitation: { } invitation }:
                Socket.Send(ChatFrames.OfInvitation(invitation));
                break;
            case { Message: { } entry }:
                if (entry.Seq <= Interlocked.Read(ref _deliveredSeq)) break;
                Socket.Send(ChatFrames.OfMessage(entry));
                Interlocked.Exchange(ref _deliveredSeq, entry.Seq);
                Acknowledge(grains.GetGrain<IInboxGrain>(AccId).DeliveredToChat(entry.Seq));
                break;
        }
    }

    /// <summary>This socket's place in the order of its account's sockets: an event of a later one, seen before it was known, makes it give way now.</summary>
    public void Opened(long seq)
    {
        bool later;
        lock (_gate)
        {
            _socketSeq = seq;
            later = _latestOther > seq;
        }
        if (later) GiveWay();
    }

    /// <summary>A later socket of this account opened (here or on another front): this one tells its app and closes.</summary>
    private void GiveWay()
    {
        Socket.Send(ChatFrames.OfChangeDevice(time.GetUtcNow().ToUnixTimeSeconds()));
        Socket.Close(ChatSocket.OtherDevice);
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

    /// <summary>Then what was said in the user's conversations while it was offline: the newest <paramref name="perConversation"/> of each.</summary>
    public async Task CatchUpConversations(int perConversation)
    {
        var chats = grains.GetGrain<IUserChatsGrain>(AccId);
        foreach (var (room, given) in await chats.Conversations())
        {
            var missed = await grains.GetGrain<IChatRoomGrain>(room).Since(AccId, given, perConversation);
            // No longer a member (a friendship ended): nothing to show.
            if (!missed.IsOk || missed.Value!.IsEmpty) continue;
            foreach (var message in missed.Value)
            {
                if (Give(room, message.Seq)) Socket.Send(ChatFrames.OfChat(room, message));
            }
            await chats.Delivered(room, missed.Value[^1].Seq);
        }
    }

    /// <summary>Whether this socket is yet to be given the room's message <paramref name="seq"/> (and notes it given).</summary>
    private bool Give(string room, long seq)
    {
        lock (_gate)
        {
            if (!_givenInRoom.TryGetValue(room, out var given)) _givenInRoom[room] = given = [];
            if (!given.Add(seq)) return false;
            if (given.Count > IChatRoomGrain.Kept) given.Remove(given.Min);
            return true;
        }
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
