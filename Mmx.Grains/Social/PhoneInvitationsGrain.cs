using Mmx.Grains.Accounts.Sms;

namespace Mmx.Grains.Social;

[GenerateSerializer, Alias("mmx.social.PhoneInvitationsState")]
public sealed record PhoneInvitationsState
{
    /// <summary>The kept invitations, by inviter.</summary>
    [Id(0)] public ImmutableDictionary<long, Invitation> Kept { get; init; } = ImmutableDictionary<long, Invitation>.Empty;
    /// <summary>When the number last got an SMS invitation.</summary>
    [Id(1)] public DateTimeOffset? LastSms { get; init; }
}

public sealed class PhoneInvitationsGrain(
    [PersistentState(stateName: "phone-invitations", storageName: SiloSetup.StorageName)] IPersistentState<PhoneInvitationsState> state,
    ISmsSender sms,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<PhoneInvitationsGrain> logger)
    : Grain, IPhoneInvitationsGrain
{
    /// <summary>A number gets at most one SMS invitation in this long, however many people invite it.</summary>
    public static readonly TimeSpan SmsEvery = TimeSpan.FromDays(30);
    /// <summary>How long an invitation waits for the number's sign-up.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(90);
    /// <summary>Inviters kept per number (the newest): strangers' invitations cannot grow this state.</summary>
    public const int MaxKept = 20;

    private string Phone => this.GetPrimaryKeyString();
    private PhoneInvitationsState S => state.State;

    public async Task Keep(Invitation invitation)
    {
        var now = time.GetUtcNow();
        var kept = Current(now).SetItem(invitation.From, invitation with { Time = now.ToUnixTimeSeconds() });
        while (kept.Count > MaxKept) kept = kept.Remove(kept.Values.MinBy(i => i.Time)!.From);
        var lastSms = S.LastSms;
        if (lastSms is not { } last || now - last >= SmsEvery)
        {
            if (await SendInvitation(invitation.From)) lastSms = now;
        }
        state.State = S with { Kept = kept, LastSms = lastSms };
        await state.WriteStateAsync();
    }

    public async Task Deliver(long accId)
    {
        var kept = Current(time.GetUtcNow());
        if (kept.IsEmpty && S.Kept.IsEmpty) return;
        foreach (var invitation in kept.Values.OrderBy(i => i.Time))
        {
            // An inviter who left the app in the meantime invites nobody.
            if (invitation.From == accId || !await GrainFactory.GetGrain<IUserGrain>(invitation.From).Exists()) continue;
            await GrainFactory.GetGrain<IFriendshipGrain>(FriendshipKey.Of(invitation.From, accId))
                .Invite(invitation.From, accId, invitation.Remark);
        }
        // The SMS mark stays: a number that signs up, leaves and is invited again within 30 days gets no second SMS.
        state.State = S with { Kept = ImmutableDictionary<long, Invitation>.Empty };
        await state.WriteStateAsync();
        logger.LogInformation("{Count} kept invitations delivered to account {AccId}", kept.Count, accId);
    }

    private ImmutableDictionary<long, Invitation> Current(DateTimeOffset now) =>
        S.Kept.RemoveRange(S.Kept.Values.Where(i => now.ToUnixTimeSeconds() - i.Time > (long)KeptFor.TotalSeconds).Select(i => i.From));

    /// <summary>
    /// The text is fixed but for the inviter's mcode: nothing a user typed (a nickname, a remark)
    /// goes out by SMS, so invitations cannot carry someone's spam to strangers' phones.
    /// </summary>
    private async Task<bool> SendInvitation(long inviter)
    {
        if (await GrainFactory.GetGrain<ISmsBudgetGrain>(0).TryTake(forAccount: false) != Err.Ok)
        {
            logger.LogWarning("An SMS invitation was not sent: the SMS budget of this minute is spent");
            return false;
        }
        var profile = await GrainFactory.GetGrain<IUserGrain>(inviter).GetProfile();
        if (!profile.IsOk) return false;
        try
        {
            await sms.Send(Phone, $"【喵喵】喵喵号 {profile.Value!.Mcode} 的好友邀请你加入喵喵熊：在应用商店搜索“喵喵熊”，用本手机号注册即可看到邀请。", code: "");
            return true;
        }
        catch (SmsDeliveryException ex)
        {
            logger.LogWarning(ex, "An SMS invitation could not be delivered");
            return false;
        }
    }
}
