namespace Mmx.Grains.Accounts;

/// <summary>
/// One per account (key: accID): profile, password hash, login device and lock-out, sessions,
/// delivery addresses and feedback.
/// </summary>
[Alias("mmx.accounts.IUserGrain")]
public interface IUserGrain : IGrainWithIntegerKey
{
    /// <summary>Creates the account; repeating the same creation is a no-op. AlreadyExists if the id holds another account.</summary>
    [Alias("Create")]
    Task<Err> Create(NewAccount account);

    /// <summary>Whether this id is an account.</summary>
    [Alias("Exists"), ReadOnly]
    Task<bool> Exists();

    /// <summary>The stored hash for a login; NotFound when no account has this id.</summary>
    [Alias("BeginLogin")]
    Task<Outcome<LoginChallenge>> BeginLogin();

    /// <summary>Opens the session of a login whose password matched: answers the previous login's device; WrongCredentials otherwise.</summary>
    [Alias("CompleteLogin")]
    Task<Outcome<string>> CompleteLogin(LoginAttempt attempt);

    /// <summary>Opens a session for this account (after registration). Idempotent.</summary>
    [Alias("OpenSession")]
    Task OpenSession(string tokenHash);

    /// <summary>Replaces the password hash and ends every open session.</summary>
    [Alias("SetPassword")]
    Task<Err> SetPassword(string passwordHash);

    /// <summary>
    /// Records a newly bound phone, with the moment an unconfirmed binding lapses (null: confirmed);
    /// answers the phone bound before ("" when none).
    /// </summary>
    [Alias("SetPhone")]
    Task<string> SetPhone(string phone, DateTimeOffset? unconfirmedUntil);

    /// <summary>Forgets the bound phone, only while it is this one (an unconfirmed binding someone else proved). Idempotent.</summary>
    [Alias("ForgetPhone")]
    Task ForgetPhone(string phone);

    /// <summary>The profile; NotFound when no account has this id.</summary>
    [Alias("GetProfile"), ReadOnly]
    Task<Outcome<Profile>> GetProfile();

    /// <summary>Changes the given attributes of the profile (already validated by the caller); NotFound when no account has this id.</summary>
    [Alias("ChangeProfile")]
    Task<Err> ChangeProfile(ProfileChange change);

    [Alias("GetAddresses"), ReadOnly]
    Task<AddressBook> GetAddresses();

    /// <summary>Adds an address (LimitReached at four); the first becomes the default. Answers its id.</summary>
    [Alias("AddAddress")]
    Task<Outcome<long>> AddAddress(AddressFields fields);

    /// <summary>Changes the given fields of one of this user's addresses; another id is NotFound.</summary>
    [Alias("ChangeAddress")]
    Task<Err> ChangeAddress(long id, AddressChange change);

    /// <summary>Removes one of this user's addresses; another id is NotFound.</summary>
    [Alias("RemoveAddress")]
    Task<Err> RemoveAddress(long id);

    /// <summary>Makes one of this user's addresses the default; another id is NotFound.</summary>
    [Alias("SetDefaultAddress")]
    Task<Err> SetDefaultAddress(long id);

    /// <summary>
    /// An operator disables (or enables again) the account: while disabled no login or password
    /// proof opens it (Forbidden), and disabling ends every session and connection at once, on
    /// every front, before it answers. NotFound for no account. Idempotent.
    /// </summary>
    [Alias("SetDisabled")]
    Task<Err> SetDisabled(bool disabled);

    /// <summary>What a disabled account's login and password proofs are told (err 3).</summary>
    const string AccountDisabled = "this account is disabled; contact the service";

    [Alias("IsDisabled"), ReadOnly]
    Task<bool> IsDisabled();

    /// <summary>Adds a feedback message (from or to the user); LimitReached when the list is full.</summary>
    [Alias("AddFeedback")]
    Task<Err> AddFeedback(string content, int direction);

    /// <summary>A page of feedback, newest first.</summary>
    [Alias("ListFeedback"), ReadOnly]
    Task<ImmutableArray<FeedbackEntry>> ListFeedback(int offset, int count);

    /// <summary>
    /// Erases the account: friendships (both sides) and invitations (both ways), shop life, image
    /// allowance, sessions, the phone and openID bindings, feedback and the account itself, whose
    /// stored states are deleted. The accID and mcode are never handed out again. Marked first and
    /// resumed at the next activation, so a failure midway cannot leave half an account. Idempotent.
    /// </summary>
    [Alias("Erase"), ResponseTimeout("00:02:00")]
    Task Erase();
}
