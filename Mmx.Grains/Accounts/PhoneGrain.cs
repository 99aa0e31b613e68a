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
    /// <summary>Until when a successful /user/vercode may be used; null when used or never given.</summary>
    [Id(9)] public DateTimeOffset? VerifiedUntil { get; init; }
}

public sealed class PhoneGrain(
    [PersistentState(stateName: "phone", storageName: SiloSetup.StorageName)] IPersistentState<PhoneState> state,
    ISmsSender sms,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<PhoneGrain> logger)
    : Grain, IPhoneGrain
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);
    public const int CodesPerDay = 10;
    public const int WrongTriesAllowed = 5;
    public static readonly TimeSpan VerificationLifetime = TimeSpan.FromMinutes(10);

    private string Phone => this.GetPrimaryKeyString();
    private PhoneState S => state.State;

    public async Task<Err> SendCode()
    {
        var now = time.GetUtcNow();
        var today = ShanghaiCalendar.Today(time);
        var sentToday = S.SentDay == today ? S.SentThatDay : 0;
        if (S.LastSent is { } last && now - last < ResendAfter) return Err.TooManyRequests;
        if (sentToday >= CodesPerDay) return Err.TooManyRequests;

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
            LastSent = now,
            SentDay = today,
            SentThatDay = sentToday + 1,
        };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Err> VerifyCode(string code)
    {
        var now = time.GetUtcNow();
        if (S.Code is null || now > S.CodeExpires || S.WrongTries >= WrongTriesAllowed) return Err.CodeInvalid;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(code), Encoding.ASCII.GetBytes(S.Code)))
        {
            state.State = S with { WrongTries = S.WrongTries + 1 };
            await state.WriteStateAsync();
            return Err.CodeInvalid;
        }
        state.State = S with { Code = null, VerifiedUntil = now + VerificationLifetime };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public Task<bool> IsVerified() => Task.FromResult(Verified());

    public async Task<Outcome<long>> Register(string passwordHash)
    {
        if (S.Owner is not null) return Outcome<long>.Fail(Err.AlreadyExists);
        if (!Verified()) return Outcome<long>.Fail(Err.PhoneNotVerified);

        if (S.PendingAccId is null || S.PendingMcode is null)
        {
            var (accId, mcode) = await NewAccounts.Reserve(GrainFactory);
            state.State = S with { PendingAccId = accId, PendingMcode = mcode };
            await state.WriteStateAsync();
        }

        var account = new NewAccount { Phone = Phone, Mcode = S.PendingMcode!.Value, PasswordHash = passwordHash };
        await NewAccounts.Create(GrainFactory, S.PendingAccId!.Value, account);
        var owner = S.PendingAccId.Value;
        state.State = S with { Owner = owner, PendingAccId = null, PendingMcode = null, VerifiedUntil = null };
        await state.WriteStateAsync();
        logger.LogInformation("Account {AccId} registered", owner);
        return Outcome<long>.Ok(owner);
    }

    public async Task<Err> ResetPassword(string passwordHash)
    {
        if (!Verified()) return Err.PhoneNotVerified;
        if (S.Owner is not { } owner) return Err.NotFound;
        // The password first, then the verification is spent: a failure in between leaves the
        // verification usable for a retry, which sets the same password again.
        var err = await GrainFactory.GetGrain<IUserGrain>(owner).SetPassword(passwordHash);
        if (err != Err.Ok) return err;
        state.State = S with { VerifiedUntil = null };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public async Task<Err> Bind(long accId)
    {
        if (S.Owner is { } owner && owner != accId) return Err.AlreadyExists;
        if (S.Owner is null)
        {
            if (!Verified()) return Err.PhoneNotVerified;
            state.State = S with { Owner = accId, VerifiedUntil = null };
            await state.WriteStateAsync();
        }
        // Owner is this account from here on, so a retry after a failure below completes the bind.
        var previous = await GrainFactory.GetGrain<IUserGrain>(accId).SetPhone(Phone);
        if (previous.Length > 0 && previous != Phone)
        {
            await GrainFactory.GetGrain<IPhoneGrain>(previous).Release(accId);
        }
        return Err.Ok;
    }

    public async Task Release(long accId)
    {
        if (S.Owner != accId) return;
        state.State = S with { Owner = null };
        await state.WriteStateAsync();
    }

    public Task<long?> Owner() => Task.FromResult(S.Owner);

    private bool Verified() => S.VerifiedUntil is { } until && time.GetUtcNow() <= until;
}
