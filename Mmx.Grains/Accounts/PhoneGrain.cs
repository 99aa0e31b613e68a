using System.Security.Cryptography;
using System.Text;
using Mmx.Grains.Accounts.Sms;

namespace Mmx.Grains.Accounts;

[GenerateSerializer, Alias("mmx.accounts.PhoneState")]
public sealed record PhoneState
{
    [Id(0)] public long? Owner { get; init; }
    /// <summary>A registration that got its ids but may not have finished: a retry completes it.</summary>
    [Id(1)] public long? PendingAccId { get; init; }
    [Id(2)] public long? PendingMcode { get; init; }
    [Id(3)] public string? Code { get; init; }
    [Id(4)] public DateTimeOffset CodeExpires { get; init; }
    [Id(5)] public int WrongTries { get; init; }
    [Id(6)] public DateTimeOffset? LastSent { get; init; }
    [Id(7)] public DateOnly SentDay { get; init; }
    [Id(8)] public int SentThatDay { get; init; }
    /// <summary>Until when the ticket of the last successful /user/vercode may be used; null when used or never given.</summary>
    [Id(9)] public DateTimeOffset? VerifiedUntil { get; init; }
    /// <summary>SHA-256 of that ticket: only the client that typed the code holds the ticket.</summary>
    [Id(10)] public string? TicketHash { get; init; }
    /// <summary>The owner bound the number without proving it (a phone change): anyone who proves it takes it.</summary>
    [Id(11)] public bool Unconfirmed { get; init; }
    /// <summary>When an unconfirmed binding lapses (null: confirmed, or bound unconfirmed before lapsing was kept: lapses 7 days after its next change).</summary>
    [Id(12)] public DateTimeOffset? UnconfirmedUntil { get; init; }
    /// <summary>Codes sent on <see cref="SentDay"/> for each requesting client.</summary>
    [Id(13)] public ImmutableDictionary<string, int> SentByClient { get; init; } = ImmutableDictionary<string, int>.Empty;
    /// <summary>Wrong tries of the live code by each client.</summary>
    [Id(14)] public ImmutableDictionary<string, int> WrongByClient { get; init; } = ImmutableDictionary<string, int>.Empty;
}

public sealed class PhoneGrain(
    [PersistentState(stateName: "phone", storageName: SiloSetup.StorageName)] IPersistentState<PhoneState> state,
    ISmsSender sms,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<PhoneGrain> logger)
    : Grain, IPhoneGrain
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(30);
    public const int CodesPerDay = 10;
    /// <summary>Codes one client may have sent to one number a day: a stranger alone cannot spend the number's whole day.</summary>
    public const int CodesPerClientPerDay = 5;
    /// <summary>Wrong tries one client may make at a code: past them that client is refused it, the owner is not.</summary>
    public const int WrongTriesAllowed = 5;
    /// <summary>Wrong tries from all clients together that kill a code (20 guesses of a million: no real chance).</summary>
    public const int WrongTriesInAll = 20;
    public static readonly TimeSpan VerificationLifetime = TimeSpan.FromMinutes(10);
    /// <summary>An unconfirmed binding not confirmed within this is released (contract: "Sessions").</summary>
    public static readonly TimeSpan UnconfirmedLifetime = TimeSpan.FromDays(7);

    private string Phone => this.GetPrimaryKeyString();
    private PhoneState S => state.State;

    public async Task<Err> SendCode(string client)
    {
        var now = time.GetUtcNow();
        var today = ShanghaiCalendar.Today(time);
        var sentToday = S.SentDay == today ? S.SentThatDay : 0;
        var byClient = S.SentDay == today ? S.SentByClient : ImmutableDictionary<string, int>.Empty;
        if (S.LastSent is { } last && now - last < ResendAfter) return Err.TooManyRequests;
        if (sentToday >= CodesPerDay || byClient.GetValueOrDefault(client) >= CodesPerClientPerDay) return Err.TooManyRequests;
        // A number with an account may use the share of the budget kept for members.
        if (await GrainFactory.GetGrain<ISmsBudgetGrain>(0).TryTake(forAccount: S.Owner is not null) is not Err.Ok and var spent) return spent;

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        try
        {
            await sms.Send(Phone, $"【喵喵】您的验证码是 {code}，5分钟内有效。", code);
        }
        catch (SmsDeliveryException ex)
        {
            logger.LogWarning(ex, "SMS delivery failed");
            return Err.UpstreamFailed;
        }

        state.State = S with
        {
            Code = code,
            CodeExpires = now + CodeLifetime,
            WrongTries = 0,
            WrongByClient = ImmutableDictionary<string, int>.Empty,
            LastSent = now,
            SentDay = today,
            SentThatDay = sentToday + 1,
            SentByClient = byClient.SetItem(client, byClient.GetValueOrDefault(client) + 1),
        };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Err> VerifyCode(string code, string ticketHash, string client)
    {
        var now = time.GetUtcNow();
        if (S.Code is null || now > S.CodeExpires || S.WrongTries >= WrongTriesInAll) return Err.CodeInvalid;
        // A client that guessed wrong too often is refused this code; others (its owner) are not.
        if (S.WrongByClient.GetValueOrDefault(client) >= WrongTriesAllowed) return Err.CodeInvalid;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(code), Encoding.ASCII.GetBytes(S.Code)))
        {
            state.State = S with
            {
                WrongTries = S.WrongTries + 1,
                WrongByClient = S.WrongByClient.SetItem(client, S.WrongByClient.GetValueOrDefault(client) + 1),
            };
            await state.WriteStateAsync();
            return Err.CodeInvalid;
        }
        state.State = S with { Code = null, WrongByClient = ImmutableDictionary<string, int>.Empty, TicketHash = ticketHash, VerifiedUntil = now + VerificationLifetime };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public Task<bool> HasTicket(string ticketHash) => Task.FromResult(TicketIs(ticketHash));

    public async Task<Err> SpendTicket(string ticketHash)
    {
        if (!TicketIs(ticketHash)) return Err.PhoneNotVerified;
        await SpendTicket();
        return Err.Ok;
    }

    public async Task<Outcome<long>> Register(string ticketHash, string passwordHash)
    {
        // The ticket first: without one, a registered number and a free one answer alike.
        if (!TicketIs(ticketHash)) return Outcome<long>.Fail(Err.PhoneNotVerified);
        if (S.Owner is { } holder && S.Unconfirmed) await ReleaseUnconfirmed(holder, "a verified owner registered it");
        if (S.Owner is not null) return Outcome<long>.Fail(Err.AlreadyExists);

        if (S.PendingAccId is null || S.PendingMcode is null)
        {
            var (accId, mcode) = await NewAccounts.Reserve(GrainFactory);
            state.State = S with { PendingAccId = accId, PendingMcode = mcode };
            await state.WriteStateAsync();
        }

        var account = new NewAccount { Phone = Phone, Mcode = S.PendingMcode!.Value, PasswordHash = passwordHash };
        await NewAccounts.Create(GrainFactory, S.PendingAccId!.Value, account);
        var owner = S.PendingAccId.Value;
        // Before the number is owned: a failure here leaves the registration pending, and its retry delivers again.
        await Invitations.Deliver(owner);
        state.State = S with { Owner = owner, Unconfirmed = false, PendingAccId = null, PendingMcode = null, TicketHash = null, VerifiedUntil = null };
        await state.WriteStateAsync();
        logger.LogInformation("Account {AccId} registered", owner);
        return Outcome<long>.Ok(owner);
    }

    public async Task<Err> ResetPassword(string ticketHash, string passwordHash)
    {
        if (!TicketIs(ticketHash)) return Err.PhoneNotVerified;
        await LapseIfDue();
        if (S.Owner is { } holder && S.Unconfirmed)
        {
            // An unconfirmed binding is never a way into the account by SMS: whoever proved the
            // number takes it back, and learns nothing of the account (err 4, as for a free
            // number); the ticket stays theirs, for a registration.
            await ReleaseUnconfirmed(holder, "its verified owner asked for a password reset");
            return Err.NotFound;
        }
        if (S.Owner is not { } owner) return Err.NotFound;
        // The password first, then the ticket is spent: a failure in between leaves the ticket
        // usable for a retry, which sets the same password again.
        var err = await GrainFactory.GetGrain<IUserGrain>(owner).SetPassword(passwordHash);
        if (err != Err.Ok) return err;
        await SpendTicket();
        return Err.Ok;
    }

    public async Task<Err> Bind(long accId, string? ticketHash, bool unconfirmedAllowed)
    {
        var proven = ticketHash is not null && TicketIs(ticketHash);
        if (!proven && !unconfirmedAllowed) return Err.PhoneNotVerified;
        await LapseIfDue();
        if (S.Owner is { } holder && holder != accId)
        {
            // "Taken" only to who proved the number: without its ticket the answer is "verify it
            // first", so asking costs a probe its account's own phone proof and tells no "taken".
            if (!proven) return Err.PhoneNotVerified;
            if (!S.Unconfirmed) return Err.AlreadyExists;
            await ReleaseUnconfirmed(holder, "a verified owner bound it");
        }
        DateTimeOffset? lapses = proven ? null : time.GetUtcNow() + UnconfirmedLifetime;
        if (S.Owner is null || (proven && S.Unconfirmed))
        {
            state.State = S with
            {
                Owner = accId,
                Unconfirmed = !proven,
                UnconfirmedUntil = lapses,
                TicketHash = proven ? null : S.TicketHash,
                VerifiedUntil = proven ? null : S.VerifiedUntil,
            };
            await state.WriteStateAsync();
            if (!proven) logger.LogInformation("Account {AccId} bound a number unconfirmed", accId);
        }
        // Owner is this account from here on, so a retry after a failure below completes the bind.
        if (!S.Unconfirmed) await Invitations.Deliver(accId);
        var previous = await GrainFactory.GetGrain<IUserGrain>(accId).SetPhone(Phone, S.Unconfirmed ? S.UnconfirmedUntil ?? lapses : null);
        if (previous.Length > 0 && previous != Phone)
        {
            await GrainFactory.GetGrain<IPhoneGrain>(previous).Release(accId);
        }
        return Err.Ok;
    }

    /// <summary>The number is free again, and nothing of the account it had stays behind (its row goes).</summary>
    public async Task Release(long accId)
    {
        if (S.Owner != accId) return;
        await state.ClearStateAsync();
    }

    public async Task<long?> Invite(long from, string remark)
    {
        await LapseIfDue();
        if (S.Owner is { } owner) return owner;
        await Invitations.Keep(new Invitation { From = from, Remark = remark });
        return null;
    }

    private IPhoneInvitationsGrain Invitations => GrainFactory.GetGrain<IPhoneInvitationsGrain>(Phone);

    // Read-only (interleaved): a lapsed binding answers as released; the next change writes it so.
    public Task<long?> Owner() => Task.FromResult(Lapsed() ? null : S.Owner);

    private bool Lapsed() => S.Unconfirmed && S.UnconfirmedUntil is { } until && time.GetUtcNow() > until;

    private async Task LapseIfDue()
    {
        if (Lapsed() && S.Owner is { } holder) await ReleaseUnconfirmed(holder, "it was not confirmed within 7 days");
    }

    private bool TicketIs(string ticketHash) =>
        S.TicketHash is { } live && S.VerifiedUntil is { } until && time.GetUtcNow() <= until
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ticketHash), Encoding.ASCII.GetBytes(live));

    private async Task SpendTicket()
    {
        state.State = S with { TicketHash = null, VerifiedUntil = null };
        await state.WriteStateAsync();
    }

    /// <summary>
    /// Someone proved this number by SMS, or the binding lapsed: an unconfirmed binding of it ends. The account forgets
    /// the number first, so a failure in between leaves the binding for a retry to release.
    /// </summary>
    private async Task ReleaseUnconfirmed(long holder, string why)
    {
        await GrainFactory.GetGrain<IUserGrain>(holder).ForgetPhone(Phone);
        state.State = S with { Owner = null, Unconfirmed = false, UnconfirmedUntil = null };
        await state.WriteStateAsync();
        logger.LogInformation("An unconfirmed binding of account {AccId} was released: {Why}", holder, why);
    }
}
