using Mmx.Grains.Messages;

namespace Mmx.Grains.Chat;

[GenerateSerializer, Alias("mmx.chat.ChatRoomState")]
public sealed record ChatRoomState
{
    /// <summary>A group's members (its creator among them).</summary>
    [Id(0)] public ImmutableHashSet<long> Members { get; init; } = [];
    /// <summary>Users invited into the group who have not accepted yet.</summary>
    [Id(1)] public ImmutableHashSet<long> Invited { get; init; } = [];
    [Id(2)] public long Owner { get; init; }
    [Id(3)] public string Name { get; init; } = "";
    [Id(4)] public string Pic { get; init; } = "";
    /// <summary>The seq of the last message of the last full page: later ones are found in the page after it.</summary>
    [Id(5)] public long FullPagesUpTo { get; init; }
    /// <summary>Both users of a pair room have it among their conversations.</summary>
    [Id(6)] public bool PairJoined { get; init; }
}

/// <summary>See <see cref="IChatRoomGrain"/>.</summary>
public sealed class ChatRoomGrain(
    [PersistentState(stateName: "chat-room", storageName: SiloSetup.StorageName)] IPersistentState<ChatRoomState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<ChatRoomGrain> logger)
    : Grain, IChatRoomGrain
{
    /// <summary>A shop room's member not heard from this long has left (a phone that died sends no EXIT_G), as presence lapses.</summary>
    public static readonly TimeSpan ShopMemberLapses = TimeSpan.FromMinutes(10);

    private readonly Dictionary<long, DateTimeOffset> _inShop = [];
    private ChatRoomName _name = null!;
    private long _lastSeq;
    // The kept history, loaded at the first read and grown by each message: oldest first.
    private List<ChatMessage>? _recent;

    private ChatRoomState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _name = ChatRoomName.Parse(this.GetPrimaryKeyString()) ?? throw new ArgumentException($"'{this.GetPrimaryKeyString()}' is not a chat room name.");
        // The pages after the last full one the room noted hold any later messages: read on until
        // one that is not full (more than one when a failure came between filling a page and noting it).
        _lastSeq = S.FullPagesUpTo;
        while (true)
        {
            var page = await Page(_lastSeq + 1).Read();
            if (page.IsEmpty) break;
            _lastSeq = Math.Max(_lastSeq, page.Max(m => m.Seq));
            if (page.Length < IChatPageGrain.Size) break;
        }
    }

    public async Task<Err> Enter(long user)
    {
        switch (_name.Kind)
        {
            case ChatRoomKind.Shop:
                var now = time.GetUtcNow();
                foreach (var gone in _inShop.Where(m => now - m.Value >= ShopMemberLapses).Select(m => m.Key).ToList()) _inShop.Remove(gone);
                if (InShop(user, now))
                {
                    // A renewal keeps the user counted in the shop too.
                    await GrainFactory.GetGrain<IShopLifeGrain>(_name.ShopId).Heard(user);
                }
                else if (await GrainFactory.GetGrain<IUserShopsGrain>(user).Enter(_name.ShopId) is not Err.Ok and var err)
                {
                    return err;
                }
                _inShop[user] = now;
                return Err.Ok;
            case ChatRoomKind.Pair:
                if (!await IsMember(user)) return Err.Forbidden;
                await JoinPair();
                return Err.Ok;
            default:
                return S.Members.Contains(user) ? Err.Ok : Err.Forbidden;
        }
    }

    public async Task Leave(long user)
    {
        switch (_name.Kind)
        {
            case ChatRoomKind.Shop:
                if (_inShop.Remove(user)) await GrainFactory.GetGrain<IUserShopsGrain>(user).Exit(_name.ShopId);
                break;
            case ChatRoomKind.Group when S.Members.Contains(user) || S.Invited.Contains(user):
                state.State = S with { Members = S.Members.Remove(user), Invited = S.Invited.Remove(user), Owner = S.Owner == user ? 0 : S.Owner };
                await state.WriteStateAsync();
                await GrainFactory.GetGrain<IUserChatsGrain>(user).Drop(_name.Value);
                break;
        }
    }

    public async Task<Outcome<ChatMessage>> Send(long user, ChatDraft draft)
    {
        if (!await IsMember(user)) return Err.Forbidden;
        if (_name.Kind == ChatRoomKind.Pair) await JoinPair();
        var message = new ChatMessage { Seq = _lastSeq + 1, Sender = user, TimeMs = time.GetUtcNow().ToUnixTimeMilliseconds(), Draft = draft };
        // Stored before anyone is told or the sender sees it echoed.
        await Page(message.Seq).Append(message);
        _lastSeq = message.Seq;
        _recent?.Add(message);
        if (_recent?.Count > IChatRoomGrain.Kept) _recent.RemoveRange(0, _recent.Count - IChatRoomGrain.Kept);
        if (message.Seq % IChatPageGrain.Size == 0) await PageFilled(message.Seq);

        var delivery = UserEvent.Of(new ChatDelivery { Room = _name.Value, Message = message });
        foreach (var member in Recipients(user)) _ = GrainFactory.GetGrain<IUserEventsGrain>(member).Publish(delivery);
        return message;
    }

    public async Task<Outcome<ImmutableArray<ChatMessage>>> History(long user, long beforeMs, int limit)
    {
        if (!await IsMember(user)) return Err.Forbidden;
        var recent = await Recent();
        return recent.Where(m => beforeMs <= 0 || m.TimeMs < beforeMs).TakeLast(limit).ToImmutableArray();
    }

    public async Task<Outcome<ImmutableArray<ChatMessage>>> Since(long user, long afterSeq, int max)
    {
        if (!await IsMember(user)) return Err.Forbidden;
        if (afterSeq >= _lastSeq) return ImmutableArray<ChatMessage>.Empty;
        var recent = await Recent();
        return recent.Where(m => m.Seq > afterSeq).TakeLast(max).ToImmutableArray();
    }

    public async Task<Outcome<ChatRoomInfo>> Info(long user)
    {
        if (!await IsMember(user)) return Err.Forbidden;
        ImmutableArray<long> members = _name.Kind switch
        {
            ChatRoomKind.Shop => [.. _inShop.Where(m => time.GetUtcNow() - m.Value < ShopMemberLapses).Select(m => m.Key).Order()],
            ChatRoomKind.Pair => [_name.First, _name.Second],
            _ => [.. S.Members.Order()],
        };
        return new ChatRoomInfo { Name = S.Name, Pic = S.Pic, Owner = S.Owner, Members = members };
    }

    public async Task<Err> SetInfo(long user, string? name, string? pic)
    {
        if (_name.Kind != ChatRoomKind.Group || S.Owner != user || S.Owner == 0) return Err.Forbidden;
        state.State = S with { Name = name ?? S.Name, Pic = pic ?? S.Pic };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Outcome<ImmutableArray<long>>> Invite(long by, ImmutableArray<long> users)
    {
        if (_name.Kind != ChatRoomKind.Group) return Err.Forbidden;
        if (S.Members.IsEmpty && S.Owner == 0)
        {
            // A new group: only its creator, whose id the name begins with, makes it.
            if (!_name.Value.StartsWith($"{ChatRoomName.GroupPrefix}{by}", StringComparison.Ordinal)) return Err.Forbidden;
            state.State = S with { Owner = by, Members = [by] };
        }
        else if (!S.Members.Contains(by)) return Err.Forbidden;

        var invited = users.Where(u => u != by && !S.Members.Contains(u)).Distinct().ToList();
        if (S.Members.Count + S.Invited.Union(invited).Count > IChatRoomGrain.MaxMembers) return Err.LimitReached;
        // Only the inviter's friends: a group is no way to reach strangers.
        foreach (var user in invited)
        {
            if (!await AreFriends(by, user)) return Err.Forbidden;
        }
        state.State = S with { Invited = S.Invited.Union(invited) };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IUserChatsGrain>(by).Join(_name.Value);

        ImmutableArray<long> everyone = [S.Owner, .. invited];
        var invitation = UserEvent.Of(new ChatInvitation { Room = _name.Value, Users = everyone });
        foreach (var user in everyone.Distinct()) _ = GrainFactory.GetGrain<IUserEventsGrain>(user).Publish(invitation);
        return everyone;
    }

    public async Task<Err> Accept(long user)
    {
        if (_name.Kind != ChatRoomKind.Group) return Err.Forbidden;
        if (S.Members.Contains(user)) return Err.Ok;
        if (!S.Invited.Contains(user)) return Err.Forbidden;
        state.State = S with { Members = S.Members.Add(user), Invited = S.Invited.Remove(user) };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IUserChatsGrain>(user).Join(_name.Value);
        return Err.Ok;
    }

    private async Task<bool> IsMember(long user) => _name.Kind switch
    {
        ChatRoomKind.Shop => InShop(user, time.GetUtcNow()),
        ChatRoomKind.Pair => _name.Names(user) && await AreFriends(_name.First, _name.Second),
        _ => S.Members.Contains(user),
    };

    private bool InShop(long user, DateTimeOffset now) => _inShop.TryGetValue(user, out var heard) && now - heard < ShopMemberLapses;

    private async Task<bool> AreFriends(long a, long b) =>
        await GrainFactory.GetGrain<IFriendshipGrain>(FriendshipKey.Of(a, b)).Status() is FriendshipStatus.Friends or FriendshipStatus.Unfriending;

    private IEnumerable<long> Recipients(long sender) => (_name.Kind switch
    {
        ChatRoomKind.Shop => _inShop.Keys.Where(u => InShop(u, time.GetUtcNow())),
        ChatRoomKind.Pair => [_name.Other(sender)],
        _ => S.Members,
    }).Where(u => u != sender);

    /// <summary>Both users of a pair room get it among their conversations (once), so a socket that was offline catches up.</summary>
    private async Task JoinPair()
    {
        if (S.PairJoined) return;
        await GrainFactory.GetGrain<IUserChatsGrain>(_name.First).Join(_name.Value);
        await GrainFactory.GetGrain<IUserChatsGrain>(_name.Second).Join(_name.Value);
        state.State = S with { PairJoined = true };
        await state.WriteStateAsync();
    }

    /// <summary>A page is full: the room notes it (so an activation knows where to look), and the page past the kept 1,000 goes.</summary>
    private async Task PageFilled(long seq)
    {
        state.State = S with { FullPagesUpTo = seq };
        await state.WriteStateAsync();
        var dropped = seq - IChatRoomGrain.Kept;
        if (dropped > 0) await Page(dropped).Clear();
    }

    private async Task<List<ChatMessage>> Recent()
    {
        if (_recent is not null) return _recent;
        var first = Math.Max(1, _lastSeq - IChatRoomGrain.Kept + 1);
        var loaded = new List<ChatMessage>();
        for (var seq = first - (first - 1) % IChatPageGrain.Size; seq <= _lastSeq; seq += IChatPageGrain.Size)
        {
            loaded.AddRange((await Page(seq).Read()).Where(m => m.Seq >= first));
        }
        loaded.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        logger.LogDebug("Chat room {Room}: {Count} messages loaded", _name.Value, loaded.Count);
        return _recent = loaded;
    }

    /// <summary>The page that holds (or will hold) the message of this seq.</summary>
    private IChatPageGrain Page(long seq) => GrainFactory.GetGrain<IChatPageGrain>($"{_name.Value}#{(seq - 1) / IChatPageGrain.Size}");
}
