using Mmx.Grains.Accounts;

namespace Mmx.Tests.Accounts;

/// <summary>Shortcuts for account tests: fresh phone numbers, verification through the outbox, registration.</summary>
internal static class AccountTestKit
{
    private static long _nextPhone = 13_000_000_000 + Random.Shared.Next(0, 900_000_000);

    /// <summary>The requesting client (an address, as the front counts it) of grain-level code requests.</summary>
    public const string Client = "192.0.2.200";

    /// <summary>A phone number no other test uses.</summary>
    public static string NewPhone() => Interlocked.Increment(ref _nextPhone).ToString();

    /// <summary>Sends a code and reads it from the embedded outbox, as an operator (or the test) would.</summary>
    public static async Task<string> SendAndReadCode(IGrainFactory grains, string phone)
    {
        // Past the 60 s resend limit of an earlier code to this number, only when there was one:
        // moving the shared clock for fresh numbers would expire the codes of concurrent callers.
        var sent = await grains.GetGrain<IPhoneGrain>(phone).SendCode(AccountTestKit.Client);
        if (sent == Err.TooManyRequests)
        {
            TestClock.Instance.Advance(PhoneGrain.ResendAfter);
            sent = await grains.GetGrain<IPhoneGrain>(phone).SendCode(AccountTestKit.Client);
        }
        Assert.Equal(Err.Ok, sent);
        var messages = await grains.GetGrain<ISmsOutboxGrain>(phone).Recent();
        Assert.Contains(messages[0].Code, messages[0].Text);
        return messages[0].Code;
    }

    /// <summary>Verifies the number as a client would; answers the ticket hash the client now holds.</summary>
    public static async Task<string> Verify(IGrainFactory grains, string phone)
    {
        var code = await SendAndReadCode(grains, phone);
        var ticket = NewTicket();
        Assert.Equal(Err.Ok, await grains.GetGrain<IPhoneGrain>(phone).VerifyCode(code, ticket, AccountTestKit.Client));
        return ticket;
    }

    /// <summary>A ticket hash no client was given.</summary>
    public static string NewTicket() => Guid.NewGuid().ToString("N");

    /// <summary>A registered account with a (fake, cheap) password hash: grains never see passwords.</summary>
    public static async Task<long> Register(IGrainFactory grains, string? phone = null)
    {
        phone ??= NewPhone();
        var ticket = await Verify(grains, phone);
        var registered = await grains.GetGrain<IPhoneGrain>(phone).Register(ticket, "hash-of-" + phone);
        Assert.Equal(Err.Ok, registered.Err);
        return registered.Value;
    }

    public static LoginAttempt Attempt(string device = "dev", string? token = null) => new()
    {
        Device = device,
        TokenHash = token ?? Guid.NewGuid().ToString("N"),
    };
}
