namespace Mmx.Grains.Social;

[GenerateSerializer, Alias("mmx.social.FriendEntry")]
public sealed record FriendEntry
{
    [Id(0)] public required Friend Friend { get; init; }
    /// <summary>Written by a change under way: counts only if the pair's grain says so.</summary>
    [Id(1)] public bool Tentative { get; init; }
}

[GenerateSerializer, Alias("mmx.social.UserSocialState")]
public sealed record UserSocialState
{
    [Id(0)] public ImmutableDictionary<long, FriendEntry> Friends { get; init; } = ImmutableDictionary<long, FriendEntry>.Empty;
    [Id(1)] public ImmutableDictionary<long, Invitation> Invitations { get; init; } = ImmutableDictionary<long, Invitation>.Empty;
    [Id(2)] public PrivacySettings Privacy { get; init; } = new();
    /// <summary>Users this user invited, with when (for withdrawing them when the account is erased).</summary>
    [Id(3)] public ImmutableDictionary<long, long> Sent { get; init; } = ImmutableDictionary<long, long>.Empty;
    /// <summary>Answers to this user's invitations its chat socket was not given yet, by the answering user.</summary>
    [Id(4)] public ImmutableDictionary<long, Messages.FriendEvent> UnseenAnswers { get; init; } = ImmutableDictionary<long, Messages.FriendEvent>.Empty;
    /// <summary>The Asia/Shanghai day of the phone numbers looked up, and how many.</summary>
    [Id(5)] public DateOnly LookupDay { get; init; }
    [Id(6)] public int NumbersLookedUp { get; init; }
    /// <summary>The Asia/Shanghai day of the invitations sent, and how many.</summary>
    [Id(7)] public DateOnly InvitationDay { get; init; }
    [Id(8)] public int InvitationsSent { get; init; }
    /// <summary>The numbers invited by phone on <see cref="InvitationDay"/>.</summary>
    [Id(9)] public ImmutableHashSet<string> NumbersInvited { get; init; } = ImmutableHashSet<string>.Empty;
}

public sealed class UserSocialGrain(
    [PersistentState(stateName: "user-social", storageName: SiloSetup.StorageName)] IPersistentState<UserSocialState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time)
    : Grain, IUserSocialGrain
{
    /// <summary>Bulk phone look-ups: this many a user may make per window (held here, so every API front shares it).</summary>
    public const int BulkLookupsPerWindow = 5;
    public static readonly TimeSpan BulkLookupWindow = TimeSpan.FromMinutes(1);
    public const int MaxInvitations = 500;

    private readonly Queue<DateTimeOffset> _bulkLookups = new();
    private UserSocialState S => state.State;
    private long AccId => this.GetPrimaryKeyLong();

    public async Task<ImmutableArray<Friend>> Friends()
    {
        var friends = ImmutableArray.CreateBuilder<Friend>();
        var settled = S.Friends;
        foreach (var (id, entry) in S.Friends)
        {
            if (!entry.Tentative)
            {
                friends.Add(entry.Friend);
                continue;
            }
            var status = await GrainFactory.GetGrain<IFriendshipGrain>(FriendshipKey.Of(AccId, id)).Status();
            if (status is FriendshipStatus.Friends or FriendshipStatus.Unfriending) friends.Add(entry.Friend);
            // Settle what a change left behind once the pair is no longer mid-way.
            if (status == FriendshipStatus.Friends) settled = settled.SetItem(id, entry with { Tentative = false });
            else if (status is FriendshipStatus.None or FriendshipStatus.Invited) settled = settled.Remove(id);
        }
        if (settled != S.Friends) await Save(S with { Friends = settled });
        return [.. friends.OrderBy(f => f.Since).ThenBy(f => f.FriendId)];
    }

    public async Task<Err> SetRemark(long friendId, string remark)
    {
        if (!(await Friends()).Any(f => f.FriendId == friendId)) return Err.Forbidden;
        var entry = S.Friends[friendId];
        await Save(S with { Friends = S.Friends.SetItem(friendId, entry with { Friend = entry.Friend with { Remark = remark } }) });
        return Err.Ok;
    }

    public Task<ImmutableArray<Invitation>> Invitations() =>
        Task.FromResult(S.Invitations.Values.OrderByDescending(i => i.Time).ThenBy(i => i.From).ToImmutableArray());

    public Task<PrivacySettings> GetPrivacy() => Task.FromResult(S.Privacy);

    public Task ChangePrivacy(PrivacyChange change)
    {
        var privacy = S.Privacy;
        var changed = new PrivacySettings
        {
            FavoriteEnable = change.FavoriteEnable ?? privacy.FavoriteEnable,
            FansEnable = change.FansEnable ?? privacy.FansEnable,
            VisitEnable = change.VisitEnable ?? privacy.VisitEnable,
        };
        return changed == privacy ? Task.CompletedTask : Save(S with { Privacy = changed });
    }

    /// <summary>
    /// Phone numbers one account may classify a day (two full phone books): classifying is a way
    /// to learn who is a member, so it must not scale to a number range (it was 5,000 a minute).
    /// Stored, so that deactivating the grain forgives nothing.
    /// </summary>
    public const int NumbersPerDay = 2000;

    public async Task<Err> TryTakeBulkLookup(int numbers)
    {
        var now = time.GetUtcNow();
        while (_bulkLookups.Count > 0 && now - _bulkLookups.Peek() >= BulkLookupWindow) _bulkLookups.Dequeue();
        if (_bulkLookups.Count >= BulkLookupsPerWindow) return Err.TooManyRequests;
        var today = ShanghaiCalendar.Today(time);
        var used = S.LookupDay == today ? S.NumbersLookedUp : 0;
        if (used + numbers > NumbersPerDay) return Err.TooManyRequests;
        _bulkLookups.Enqueue(now);
        await Save(S with { LookupDay = today, NumbersLookedUp = used + numbers });
        return Err.Ok;
    }

    /// <summary>
    /// Invitations one account may send a day, to members or not: an invitation by phone answers
    /// whether the number is a member, so it must not scale to a number range.
    /// </summary>
    public const int InvitationsPerDay = 50;

    /// <summary>
    /// Numbers one account may invite by phone a day. A number without an account gets an SMS
    /// invitation, so this is the contract's "10 SMS invitations a day per inviter"; it counts
    /// members' numbers alike, or its refusal would tell the 11th stranger's number from a member's.
    /// </summary>
    public const int NumbersInvitedPerDay = 10;

    public async Task<Err> TryTakeInvitation(string? phone)
    {
        var today = ShanghaiCalendar.Today(time);
        var sent = S.InvitationDay == today ? S.InvitationsSent : 0;
        var numbers = S.InvitationDay == today ? S.NumbersInvited : ImmutableHashSet<string>.Empty;
        if (sent >= InvitationsPerDay) return Err.TooManyRequests;
        if (phone is not null && !numbers.Contains(phone))
        {
            if (numbers.Count >= NumbersInvitedPerDay) return Err.TooManyRequests;
            numbers = numbers.Add(phone);
        }
        await Save(S with { InvitationDay = today, InvitationsSent = sent + 1, NumbersInvited = numbers });
        return Err.Ok;
    }

    public Task AddInvitation(Invitation invitation)
    {
        if (!S.Invitations.ContainsKey(invitation.From) && S.Invitations.Count >= MaxInvitations)
        {
            // The oldest invitation makes room: a flood of invitations cannot grow this state.
            var oldest = S.Invitations.Values.MinBy(i => i.Time)!;
            return Save(S with { Invitations = S.Invitations.Remove(oldest.From).SetItem(invitation.From, invitation) });
        }
        return Save(S with { Invitations = S.Invitations.SetItem(invitation.From, invitation) });
    }

    public Task RemoveInvitation(long from) =>
        S.Invitations.ContainsKey(from) ? Save(S with { Invitations = S.Invitations.Remove(from) }) : Task.CompletedTask;

    public Task NoteSent(long to)
    {
        var sent = S.Sent.SetItem(to, time.GetUtcNow().ToUnixTimeSeconds());
        // Bounded like the invitations received: the oldest note makes room.
        if (sent.Count > MaxInvitations) sent = sent.Remove(sent.MinBy(s => s.Value).Key);
        return Save(S with { Sent = sent });
    }

    public Task<ImmutableArray<long>> Sent() => Task.FromResult(S.Sent.Keys.ToImmutableArray());

    public const int MaxUnseenAnswers = 100;

    public Task NoteAnswer(Messages.FriendEvent answer)
    {
        if (S.UnseenAnswers.TryGetValue(answer.Uid, out var kept) && kept == answer) return Task.CompletedTask;
        var answers = S.UnseenAnswers.SetItem(answer.Uid, answer);
        if (answers.Count > MaxUnseenAnswers) answers = answers.Remove(answers.MinBy(a => a.Value.Time).Key);
        return Save(S with { UnseenAnswers = answers });
    }

    public Task<ImmutableArray<Messages.FriendEvent>> UnseenAnswers() =>
        Task.FromResult<ImmutableArray<Messages.FriendEvent>>([.. S.UnseenAnswers.Values.OrderBy(a => a.Time)]);

    public Task AnswersSeen(ImmutableArray<long> fromUsers)
    {
        var answers = S.UnseenAnswers.RemoveRange(fromUsers);
        return answers.Count == S.UnseenAnswers.Count ? Task.CompletedTask : Save(S with { UnseenAnswers = answers });
    }

    public Task Clear() => state.ClearStateAsync();

    public Task Prepare(long friendId)
    {
        if (S.Friends.ContainsKey(friendId)) return Task.CompletedTask;
        var friend = new Friend { FriendId = friendId, Since = time.GetUtcNow().ToUnixTimeSeconds() };
        return Save(S with { Friends = S.Friends.SetItem(friendId, new FriendEntry { Friend = friend, Tentative = true }) });
    }

    public Task Confirm(long friendId) => SetTentative(friendId, false);

    public Task Demote(long friendId) => SetTentative(friendId, true);

    public Task Remove(long friendId) =>
        S.Friends.ContainsKey(friendId) ? Save(S with { Friends = S.Friends.Remove(friendId) }) : Task.CompletedTask;

    private Task SetTentative(long friendId, bool tentative) =>
        S.Friends.TryGetValue(friendId, out var entry) && entry.Tentative != tentative
            ? Save(S with { Friends = S.Friends.SetItem(friendId, entry with { Tentative = tentative }) })
            : Task.CompletedTask;

    private async Task Save(UserSocialState next)
    {
        state.State = next;
        await state.WriteStateAsync();
    }
}
