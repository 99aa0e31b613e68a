namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.UserState")]
public sealed record UserState
{
    [Id(0)] public bool Created { get; init; }
    [Id(1)] public Profile Profile { get; init; } = new();
    [Id(2)] public string PasswordHash { get; init; } = "";
    [Id(3)] public string LastDevice { get; init; } = "";
    // Ids 4 and 5 (wrong-password times and a lock-out per account) are retired: a lock per
    // account let anyone lock anyone out; LoginGuardGrain counts per identity and address now.
    /// <summary>Token hashes of the open sessions, oldest first.</summary>
    [Id(6)] public ImmutableArray<string> Sessions { get; init; } = [];
    [Id(7)] public ImmutableArray<Address> Addresses { get; init; } = [];
    [Id(8)] public long DefaultAddressId { get; init; }
    [Id(9)] public long AddressesEverAdded { get; init; }
    /// <summary>The third-party identity that made the account ("{mode}:{openID}"), or empty.</summary>
    [Id(10)] public string OpenIdKey { get; init; } = "";
    /// <summary>The account is being erased: nothing logs in, and the next activation finishes the erasure.</summary>
    [Id(11)] public bool Erasing { get; init; }
    /// <summary>The mcode is in <see cref="IMcodeIndexGrain"/> (false: an account of an earlier version, entered at its next activation).</summary>
    [Id(12)] public bool McodeIndexed { get; init; }
    /// <summary>When the bound phone's unconfirmed binding lapses (null: confirmed or none); past it the profile shows no phone.</summary>
    [Id(13)] public DateTimeOffset? PhoneUnconfirmedUntil { get; init; }
    /// <summary>An operator disabled the account: no session opens, no password proves it (err 3).</summary>
    [Id(14)] public bool Disabled { get; init; }
}

[GenerateSerializer, Alias("mmx.accounts.FeedbackState")]
public sealed record FeedbackState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public ImmutableArray<FeedbackEntry> Entries { get; init; } = [];
}

/// <summary>One account (key: accID). Its concerns live in the UserGrain.*.cs files beside this one.</summary>
public sealed partial class UserGrain(
    [PersistentState(stateName: "user", storageName: SiloSetup.StorageName)] IPersistentState<UserState> state,
    [PersistentState(stateName: "user-feedback", storageName: SiloSetup.StorageName)] IPersistentState<FeedbackState> feedback,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time)
    : Grain, IUserGrain
{
    public const int MaxAddresses = 4;
    public const int MaxSessions = 20;
    public const int MaxFeedback = 1000;
    // Address ids are accID * 1,000,000 + a per-user counter: unique across users without a
    // shared allocator, and never reused.
    private const long AddressIdsPerUser = 1_000_000;

    private UserState S => state.State;
    private long AccId => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An erasure a failure interrupted is finished before the grain answers anything else.
        if (S.Erasing) await Erase();
        else if (S.Created && !S.McodeIndexed) await EnterMcodeIntoIndex();
    }

    private async Task EnterMcodeIntoIndex()
    {
        var mcode = S.Profile.Mcode;
        if (await GrainFactory.GetGrain<IMcodeIndexGrain>(IMcodeIndexGrain.ShardOf(mcode)).Claim(mcode, AccId) != Err.Ok)
            throw new InvalidOperationException($"Account {AccId}'s mcode {mcode} is held by another account.");
        state.State = S with { McodeIndexed = true };
        await state.WriteStateAsync();
    }

    public async Task Erase()
    {
        if (!S.Created) return;
        if (!S.Erasing)
        {
            state.State = S with { Erasing = true };
            await state.WriteStateAsync();
        }
        // Friendships and invitations through their pair grains (each ends both sides); this
        // grain orchestrates so that none of them calls back into a busy one.
        var social = GrainFactory.GetGrain<IUserSocialGrain>(AccId);
        foreach (var friend in await social.Friends()) await Pair(friend.FriendId).Unfriend(AccId, friend.FriendId);
        foreach (var invitation in await social.Invitations()) await Pair(invitation.From).Decline(AccId, invitation.From);
        foreach (var invited in await social.Sent()) await Pair(invited).Decline(invited, AccId);
        await social.Clear();
        await GrainFactory.GetGrain<IUserShopsGrain>(AccId).Erase();
        await GrainFactory.GetGrain<Images.IImageQuotaGrain>(AccId).Clear();
        await GrainFactory.GetGrain<Messages.IInboxGrain>(AccId).Clear();
        await GrainFactory.GetGrain<Chat.IUserChatsGrain>(AccId).Clear();
        if (S.Profile.Phone.Length > 0) await GrainFactory.GetGrain<IPhoneGrain>(S.Profile.Phone).Release(AccId);
        if (S.OpenIdKey.Length > 0) await GrainFactory.GetGrain<IOpenIdGrain>(S.OpenIdKey).Release(AccId);
        await CloseSessions(S.Sessions);
        await AnnounceAccountEnded();
        await GrainFactory.GetGrain<IFeedbackDeskGrain>(IFeedbackDeskGrain.Key).Forget(AccId);
        await feedback.ClearStateAsync();
        // Last: until here the mark above makes a retry finish the job.
        await state.ClearStateAsync();
    }

    private Social.IFriendshipGrain Pair(long other) => GrainFactory.GetGrain<Social.IFriendshipGrain>(Social.FriendshipKey.Of(AccId, other));

    public async Task<Err> Create(NewAccount account)
    {
        if (S.Created)
        {
            // The same registration completed again (a retry): same number and mcode.
            if (S.Profile.Phone != account.Phone || S.Profile.Mcode != account.Mcode) return Err.AlreadyExists;
            if (S.PasswordHash == account.PasswordHash) return Err.Ok;
            state.State = S with { PasswordHash = account.PasswordHash };
        }
        else
        {
            state.State = new UserState
            {
                Created = true,
                Profile = new Profile { Name = $"喵友{account.Mcode % 10000:D4}", Phone = account.Phone, Mcode = account.Mcode },
                PasswordHash = account.PasswordHash,
                OpenIdKey = account.OpenIdKey,
                // NewAccounts claimed it in the index before the account was made.
                McodeIndexed = true,
            };
        }
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public Task<bool> Exists()
    {
        // Looked up by id from outside: an id that holds no account need not stay in memory.
        if (!S.Created) DeactivateOnIdle();
        return Task.FromResult(S.Created);
    }

    public Task<Outcome<Profile>> GetProfile()
    {
        if (!S.Created) DeactivateOnIdle();
        if (!S.Created || S.Erasing) return Task.FromResult<Outcome<Profile>>(Err.NotFound);
        // A lapsed unconfirmed binding: the phone grain has let the number go (or will at its next
        // change); this read-only call writes nothing and shows none.
        var lapsed = S.PhoneUnconfirmedUntil is { } until && time.GetUtcNow() > until;
        return Task.FromResult<Outcome<Profile>>(lapsed ? S.Profile with { Phone = "" } : S.Profile);
    }

    public async Task<Err> ChangeProfile(ProfileChange change)
    {
        if (!S.Created) return Err.NotFound;
        // Phone and mcode change only through their own routes.
        var profile = S.Profile;
        var changed = profile with
        {
            Name = change.Name ?? profile.Name,
            Portrait = change.Portrait ?? profile.Portrait,
            Gender = change.Gender ?? profile.Gender,
            City = change.City ?? profile.City,
        };
        if (changed == profile) return Err.Ok;
        state.State = S with { Profile = changed };
        await state.WriteStateAsync();
        return Err.Ok;
    }
}
