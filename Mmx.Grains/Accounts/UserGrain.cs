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
}

[GenerateSerializer, Alias("mmx.accounts.FeedbackState")]
public sealed record FeedbackState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public ImmutableArray<FeedbackEntry> Entries { get; init; } = [];
}

public sealed class UserGrain(
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

    public Task<Outcome<LoginChallenge>> BeginLogin() => Task.FromResult<Outcome<LoginChallenge>>(S.Created && !S.Erasing
        ? new LoginChallenge { PasswordHash = S.PasswordHash, OpenIdKey = S.OpenIdKey }
        : Err.NotFound);

    public async Task<Outcome<string>> CompleteLogin(LoginAttempt attempt)
    {
        if (!S.Created || S.Erasing) return Err.WrongCredentials;

        var previousDevice = S.LastDevice;
        var (sessions, evicted) = WithSession(attempt.TokenHash);
        state.State = S with
        {
            LastDevice = attempt.Device,
            PasswordHash = attempt.UpgradedHash ?? S.PasswordHash,
            Sessions = sessions,
        };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISessionGrain>(attempt.TokenHash).Open(AccId);
        await CloseSessions(evicted);
        return previousDevice;
    }

    public async Task OpenSession(string tokenHash)
    {
        if (!S.Created) throw new InvalidOperationException($"No account {AccId}.");
        var (sessions, evicted) = WithSession(tokenHash);
        state.State = S with { Sessions = sessions };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISessionGrain>(tokenHash).Open(AccId);
        await CloseSessions(evicted);
    }

    public async Task<Err> SetPassword(string passwordHash)
    {
        if (!S.Created) return Err.NotFound;
        var sessions = S.Sessions;
        state.State = S with { PasswordHash = passwordHash, Sessions = [] };
        await state.WriteStateAsync();
        // A new password ends every session, including one a thief may hold, and every connection
        // held on the old password (the apps' chat sockets), also when no session was open.
        await CloseSessions(sessions);
        await AnnounceAccountEnded();
        return Err.Ok;
    }

    public async Task<string> SetPhone(string phone, DateTimeOffset? unconfirmedUntil)
    {
        var previous = S.Profile.Phone;
        if (previous == phone && S.PhoneUnconfirmedUntil == unconfirmedUntil) return previous;
        state.State = S with { Profile = S.Profile with { Phone = phone }, PhoneUnconfirmedUntil = unconfirmedUntil };
        await state.WriteStateAsync();
        return previous == phone ? "" : previous;
    }

    public async Task ForgetPhone(string phone)
    {
        if (S.Profile.Phone != phone) return;
        state.State = S with { Profile = S.Profile with { Phone = "" }, PhoneUnconfirmedUntil = null };
        await state.WriteStateAsync();
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

    public Task<AddressBook> GetAddresses() =>
        Task.FromResult(new AddressBook { Addresses = S.Addresses, DefaultId = S.DefaultAddressId });

    public async Task<Outcome<long>> AddAddress(AddressFields fields)
    {
        if (!S.Created) return Outcome<long>.Fail(Err.NotFound);
        if (S.Addresses.Length >= MaxAddresses || S.AddressesEverAdded + 1 >= AddressIdsPerUser)
            return Outcome<long>.Fail(Err.LimitReached);
        var id = AccId * AddressIdsPerUser + S.AddressesEverAdded + 1;
        var address = new Address { Id = id, Name = fields.Name, Phone = fields.Phone, Street = fields.Street, Postcode = fields.Postcode };
        state.State = S with
        {
            Addresses = S.Addresses.Add(address),
            AddressesEverAdded = S.AddressesEverAdded + 1,
            DefaultAddressId = S.Addresses.IsEmpty ? id : S.DefaultAddressId,
        };
        await state.WriteStateAsync();
        return Outcome<long>.Ok(id);
    }

    public async Task<Err> ChangeAddress(long id, AddressChange change)
    {
        var index = IndexOfAddress(id);
        if (index < 0) return Err.NotFound;
        var old = S.Addresses[index];
        var address = old with
        {
            Name = change.Name ?? old.Name,
            Phone = change.Phone ?? old.Phone,
            Street = change.Street ?? old.Street,
            Postcode = change.Postcode ?? old.Postcode,
        };
        state.State = S with { Addresses = S.Addresses.SetItem(index, address) };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Err> RemoveAddress(long id)
    {
        if (!S.Addresses.Any(a => a.Id == id)) return Err.NotFound;
        // The spec leaves choosing the next default to the client (/user/address/default).
        state.State = S with
        {
            Addresses = S.Addresses.RemoveAll(a => a.Id == id),
            DefaultAddressId = S.DefaultAddressId == id ? 0 : S.DefaultAddressId,
        };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Err> SetDefaultAddress(long id)
    {
        if (!S.Addresses.Any(a => a.Id == id)) return Err.NotFound;
        if (S.DefaultAddressId == id) return Err.Ok;
        state.State = S with { DefaultAddressId = id };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Err> AddFeedback(string content, int direction)
    {
        if (!S.Created) return Err.NotFound;
        if (feedback.State.Entries.Length >= MaxFeedback) return Err.LimitReached;
        var entry = new FeedbackEntry { Content = content, Time = time.GetUtcNow().ToUnixTimeSeconds(), Direction = direction };
        feedback.State = new FeedbackState { Entries = feedback.State.Entries.Add(entry) };
        await feedback.WriteStateAsync();
        return Err.Ok;
    }

    public Task<ImmutableArray<FeedbackEntry>> ListFeedback(int offset, int count) =>
        Task.FromResult(feedback.State.Entries.Reverse().Skip(offset).Take(count).ToImmutableArray());

    private int IndexOfAddress(long id)
    {
        for (var i = 0; i < S.Addresses.Length; i++)
        {
            if (S.Addresses[i].Id == id) return i;
        }
        return -1;
    }

    /// <summary>The session list with this token added, and the oldest sessions beyond the cap.</summary>
    private (ImmutableArray<string> Sessions, ImmutableArray<string> Evicted) WithSession(string tokenHash)
    {
        var sessions = S.Sessions.Contains(tokenHash) ? S.Sessions : S.Sessions.Add(tokenHash);
        var excess = Math.Max(0, sessions.Length - MaxSessions);
        return ([.. sessions.Skip(excess)], [.. sessions.Take(excess)]);
    }

    /// <summary>Tells every front that connections held on this account's password end (no session token: only the account).</summary>
    private Task AnnounceAccountEnded() => GrainFactory.GetGrain<ISessionRevocationGrain>(0).Revoke("", AccId);

    private Task CloseSessions(IEnumerable<string> tokenHashes) =>
        Task.WhenAll(tokenHashes.Select(t => GrainFactory.GetGrain<ISessionGrain>(t).Close()));
}
