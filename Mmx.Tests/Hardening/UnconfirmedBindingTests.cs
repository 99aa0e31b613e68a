using System.Text.Json.Nodes;

namespace Mmx.Tests.Hardening;

/// <summary>
/// An unconfirmed phone binding (a phone change without the new number's ticket) is never a way
/// into the account (security round three, point 3). Before the fix, whoever held that number
/// verified it and called /user/resetpw: the account's password became theirs, its owner was
/// logged out and the taker read the owner's addresses. Now resetpw releases the binding and
/// answers err 4, as for a free number; an unconfirmed binding lapses after 7 days.
/// </summary>
public sealed class UnconfirmedBindingTests(UnconfirmedBindingTests.Api api) : IClassFixture<UnconfirmedBindingTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    /// <summary>An account that moved to <c>newPhone</c> the way the shipped app does: proof of the old number only.</summary>
    private async Task<(ApiClient Owner, long AccId, string NewPhone)> MovedUnconfirmed()
    {
        var owner = api.NewClient();
        var oldPhone = AccountTestKit.NewPhone();
        var accId = await owner.SignUp(oldPhone);
        var newPhone = AccountTestKit.NewPhone();
        await owner.VerifyPhone(oldPhone);
        Assert.Equal(0, Err(await owner.Post("/user/bindphone", new { phone = newPhone })));
        return (owner, accId, newPhone);
    }

    [Fact]
    public async Task Resetpw_by_the_holder_of_an_unconfirmed_number_releases_it_and_takes_nothing()
    {
        var (owner, accId, newPhone) = await MovedUnconfirmed();
        Assert.Equal(0, Err(await owner.Put("/user/address", new { name = "张三", phone = "13900139000", address = "深圳市南山区科技园", postcode = "518057" })));

        var holder = api.NewClient();
        await holder.VerifyPhone(newPhone);
        Assert.Equal(4, Err(await holder.Post("/user/resetpw", new { phone = newPhone, password = "taker-pass-9" })));

        // Nothing of the account moved: the taker's password opens nothing, the owner's session and password stand.
        Assert.Equal(8, Err(await api.NewClient().LogIn(newPhone, "taker-pass-9")));
        Assert.Equal(0, Err(await owner.Get("/user/address")));
        Assert.Equal("", (string?)(await owner.Get("/user/personal"))["info"]!["phone"]);
        Assert.Equal(0, Err(await api.NewClient().Post("/user/login", new { mode = 1, type = 4, account = accId.ToString(), password = "secret-pass-1", dev = "x" })));
        // The number is free, and the holder's ticket still registers it.
        Assert.Equal(0, Err(await holder.Post("/user/register", new { phone = newPhone, password = "holder-pass-3" })));
    }

    [Fact]
    public async Task A_confirmed_binding_still_resets_by_sms()
    {
        var owner = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        await owner.SignUp(phone);
        var again = api.NewClient();
        await again.VerifyPhone(phone);
        Assert.Equal(0, Err(await again.Post("/user/resetpw", new { phone, password = "reset-pass-4" })));
        Assert.Equal(0, Err(await api.NewClient().LogIn(phone, "reset-pass-4")));
    }

    [Fact]
    public async Task An_unconfirmed_binding_lapses_after_seven_days()
    {
        var (owner, _, newPhone) = await MovedUnconfirmed();
        Assert.Equal(0, Err(await api.NewClient().LogIn(newPhone)));

        // Another account moving to the same number unconfirmed: taken, until the binding lapses.
        var other = api.NewClient();
        var otherPhone = AccountTestKit.NewPhone();
        await other.SignUp(otherPhone);
        await other.VerifyPhone(otherPhone);
        Assert.Equal(10, Err(await other.Post("/user/bindphone", new { phone = newPhone })));

        api.Clock.Advance(Mmx.Grains.Accounts.PhoneGrain.UnconfirmedLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(8, Err(await api.NewClient().LogIn(newPhone)));
        Assert.Equal("", (string?)(await owner.Get("/user/personal"))["info"]!["phone"]);
        await other.VerifyPhone(otherPhone);
        Assert.Equal(0, Err(await other.Post("/user/bindphone", new { phone = newPhone })));
    }

    /// <summary>Security round three, point 7: bindphone's "taken" (err 5) told anyone which numbers are members.</summary>
    [Fact]
    public async Task Bindphone_says_taken_only_to_who_proved_the_number()
    {
        var member = api.NewClient();
        var taken = AccountTestKit.NewPhone();
        await member.SignUp(taken);

        var prober = api.NewClient();
        var own = AccountTestKit.NewPhone();
        await prober.SignUp(own);
        await prober.VerifyPhone(own);
        Assert.Equal(10, Err(await prober.Post("/user/bindphone", new { phone = taken, password = "secret-pass-1" })));
        // With the number's own ticket (its holder), "taken" is the answer.
        var ownTicket = await prober.VerifyPhone(own);
        await prober.VerifyPhone(taken);
        Assert.Equal(5, Err(await prober.Post("/user/bindphone", new { phone = taken, ticket = ownTicket })));
    }
}
