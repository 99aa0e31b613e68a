using Mmx.Grains.Accounts;

namespace Mmx.Tests.Accounts;

/// <summary>SMS codes, the verified-phone gate and unique registration, on the two-silo cluster with the fake clock.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class PhoneGrainTests(TwoSiloCluster fixture)
{
    private readonly IClusterClient _grains = fixture.Client;
    private IPhoneGrain PhoneGrain(string phone) => _grains.GetGrain<IPhoneGrain>(phone);

    [Fact]
    public async Task One_code_per_30_seconds_and_ten_a_day()
    {
        TestClock.MoveToMorning();
        var phone = PhoneGrain(AccountTestKit.NewPhone());

        Assert.Equal(Err.Ok, await phone.SendCode(AccountTestKit.Client));
        Assert.Equal(Err.TooManyRequests, await phone.SendCode(AccountTestKit.Client));
        TestClock.Instance.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(Err.TooManyRequests, await phone.SendCode(AccountTestKit.Client));
        // Ten a day for the number, from two clients (five each at most).
        for (var sent = 1; sent < Mmx.Grains.Accounts.PhoneGrain.CodesPerDay; sent++)
        {
            TestClock.Instance.Advance(TimeSpan.FromSeconds(31));
            Assert.Equal(Err.Ok, await phone.SendCode(sent < Mmx.Grains.Accounts.PhoneGrain.CodesPerClientPerDay ? AccountTestKit.Client : "198.51.100.201"));
        }
        TestClock.Instance.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Err.TooManyRequests, await phone.SendCode("203.0.113.202"));

        TestClock.MoveToMorning();
        Assert.Equal(Err.Ok, await phone.SendCode(AccountTestKit.Client));
    }

    /// <summary>Security round three, point 9: a stranger alone could spend a number's whole day of codes.</summary>
    [Fact]
    public async Task One_client_sends_five_codes_a_number_a_day_and_the_owner_still_gets_one()
    {
        TestClock.MoveToMorning();
        var phone = PhoneGrain(AccountTestKit.NewPhone());
        for (var i = 0; i < Mmx.Grains.Accounts.PhoneGrain.CodesPerClientPerDay; i++)
        {
            Assert.Equal(Err.Ok, await phone.SendCode("198.51.100.203"));
            TestClock.Instance.Advance(TimeSpan.FromSeconds(31));
        }
        Assert.Equal(Err.TooManyRequests, await phone.SendCode("198.51.100.203"));
        Assert.Equal(Err.Ok, await phone.SendCode("203.0.113.204"));
    }

    /// <summary>Security round three, point 9: five wrong guesses by a stranger killed the owner's live code.</summary>
    [Fact]
    public async Task A_strangers_wrong_guesses_do_not_kill_the_owners_code()
    {
        var number = AccountTestKit.NewPhone();
        var code = await AccountTestKit.SendAndReadCode(_grains, number);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < Mmx.Grains.Accounts.PhoneGrain.WrongTriesAllowed; i++)
        {
            Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(wrong, AccountTestKit.NewTicket(), "198.51.100.205"));
        }
        // The stranger is refused even the right code; the owner gets in with it.
        Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(code, AccountTestKit.NewTicket(), "198.51.100.205"));
        Assert.Equal(Err.Ok, await PhoneGrain(number).VerifyCode(code, AccountTestKit.NewTicket(), AccountTestKit.Client));
    }

    /// <summary>Security round three, point 9: the budget's last quarter is for numbers with an account.</summary>
    [Fact]
    public async Task The_last_quarter_of_the_sms_budget_is_kept_for_members()
    {
        var budget = _grains.GetGrain<ISmsBudgetGrain>(0);
        // A fresh minute for this grain's window.
        TestClock.Instance.Advance(TimeSpan.FromMinutes(1));
        var strangers = 0;
        while (await budget.TryTake(forAccount: false) == Err.Ok) strangers++;
        Assert.InRange(strangers, 1, 10_000);
        Assert.Equal(Err.Ok, await budget.TryTake(forAccount: true));
        TestClock.Instance.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(Err.Ok, await budget.TryTake(forAccount: false));
    }

    [Fact]
    public async Task A_code_is_six_digits_and_expires_after_five_minutes()
    {
        var number = AccountTestKit.NewPhone();
        var code = await AccountTestKit.SendAndReadCode(_grains, number);
        Assert.Matches("^[0-9]{6}$", code);

        TestClock.Instance.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var ticket = AccountTestKit.NewTicket();
        Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(code, ticket, AccountTestKit.Client));
        Assert.False(await PhoneGrain(number).HasTicket(ticket));
    }

    [Fact]
    public async Task A_code_dies_after_five_wrong_tries()
    {
        var number = AccountTestKit.NewPhone();
        var code = await AccountTestKit.SendAndReadCode(_grains, number);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < Mmx.Grains.Accounts.PhoneGrain.WrongTriesAllowed; i++)
        {
            Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(wrong, AccountTestKit.NewTicket(), AccountTestKit.Client));
        }
        var ticket = AccountTestKit.NewTicket();
        Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(code, ticket, AccountTestKit.Client));
        Assert.False(await PhoneGrain(number).HasTicket(ticket));
    }

    [Fact]
    public async Task A_right_code_gives_one_ticket_for_one_use_and_ten_minutes()
    {
        var number = AccountTestKit.NewPhone();
        var code = await AccountTestKit.SendAndReadCode(_grains, number);
        var ticket = AccountTestKit.NewTicket();
        Assert.Equal(Err.Ok, await PhoneGrain(number).VerifyCode(code, ticket, AccountTestKit.Client));
        // Used codes are gone.
        Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(code, AccountTestKit.NewTicket(), AccountTestKit.Client));

        TestClock.Instance.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(Err.PhoneNotVerified, (await PhoneGrain(number).Register(ticket, "h")).Err);

        ticket = await AccountTestKit.Verify(_grains, number);
        Assert.Equal(Err.PhoneNotVerified, (await PhoneGrain(number).Register(AccountTestKit.NewTicket(), "h")).Err);
        Assert.Equal(Err.Ok, (await PhoneGrain(number).Register(ticket, "h")).Err);
        // The ticket was spent by the registration.
        Assert.Equal(Err.PhoneNotVerified, await PhoneGrain(number).ResetPassword(ticket, "h2"));
    }

    [Fact]
    public async Task A_newer_verification_replaces_the_older_ticket()
    {
        var number = AccountTestKit.NewPhone();
        var first = await AccountTestKit.Verify(_grains, number);
        var second = await AccountTestKit.Verify(_grains, number);
        Assert.False(await PhoneGrain(number).HasTicket(first));
        Assert.Equal(Err.PhoneNotVerified, (await PhoneGrain(number).Register(first, "h")).Err);
        Assert.Equal(Err.Ok, (await PhoneGrain(number).Register(second, "h")).Err);
    }

    [Fact]
    public async Task Racing_registrations_of_one_phone_make_exactly_one_account()
    {
        var number = AccountTestKit.NewPhone();
        var ticket = await AccountTestKit.Verify(_grains, number);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PhoneGrain(number).Register(ticket, $"hash-{i}")));

        var winner = Assert.Single(results, r => r.Err == Err.Ok);
        // The winner spent the ticket: every other attempt is refused without learning more.
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(Err.PhoneNotVerified, r.Err));
        Assert.Equal(winner.Value, await PhoneGrain(number).Owner());
        var profile = (await _grains.GetGrain<IUserGrain>(winner.Value).GetProfile()).Value;
        Assert.Equal(number, profile!.Phone);
        Assert.Equal(winner.Value, await _grains.GetGrain<IMcodeIndexGrain>(IMcodeIndexGrain.ShardOf(profile.Mcode)).Owner(profile.Mcode));
    }

    [Fact]
    public async Task Concurrent_registrations_get_distinct_accids_and_mcodes()
    {
        var numbers = Enumerable.Range(0, 20).Select(_ => AccountTestKit.NewPhone()).ToList();
        var accIds = await Task.WhenAll(numbers.Select(n => AccountTestKit.Register(_grains, n)));
        Assert.Equal(accIds.Length, accIds.Distinct().Count());
        Assert.All(accIds, id => Assert.True(id >= 10001));

        var profiles = (await Task.WhenAll(accIds.Select(id => _grains.GetGrain<IUserGrain>(id).GetProfile()))).Select(p => p.Value).ToArray();
        Assert.Equal(profiles.Length, profiles.Select(p => p!.Mcode).Distinct().Count());
        Assert.All(profiles, p => Assert.InRange(p!.Mcode, 100_000_000, 999_999_999));
    }

    [Fact]
    public async Task Reset_password_needs_verification_and_ends_every_session()
    {
        var number = AccountTestKit.NewPhone();
        var accId = await AccountTestKit.Register(_grains, number);
        var user = _grains.GetGrain<IUserGrain>(accId);
        var token = Guid.NewGuid().ToString("N");
        Assert.Equal(Err.Ok, (await user.CompleteLogin(AccountTestKit.Attempt(token: token))).Err);
        Assert.Equal(accId, await _grains.GetGrain<ISessionGrain>(token).Validate());

        Assert.Equal(Err.PhoneNotVerified, await PhoneGrain(number).ResetPassword(AccountTestKit.NewTicket(), "new-hash"));
        Assert.Equal("hash-of-" + number, (await user.BeginLogin()).Value!.PasswordHash);

        var ticket = await AccountTestKit.Verify(_grains, number);
        Assert.Equal(Err.Ok, await PhoneGrain(number).ResetPassword(ticket, "new-hash"));
        Assert.Equal("new-hash", (await user.BeginLogin()).Value!.PasswordHash);
        Assert.Null(await _grains.GetGrain<ISessionGrain>(token).Validate());

        var unknown = AccountTestKit.NewPhone();
        Assert.Equal(Err.NotFound, await PhoneGrain(unknown).ResetPassword(await AccountTestKit.Verify(_grains, unknown), "x"));
    }

    [Fact]
    public async Task Binding_a_phone_moves_it_and_never_steals_one()
    {
        var first = AccountTestKit.NewPhone();
        var accId = await AccountTestKit.Register(_grains, first);
        var other = await AccountTestKit.Register(_grains);
        var second = AccountTestKit.NewPhone();

        Assert.Equal(Err.PhoneNotVerified, await PhoneGrain(second).Bind(accId, AccountTestKit.NewTicket(), unconfirmedAllowed: false));
        var ticket = await AccountTestKit.Verify(_grains, second);
        Assert.Equal(Err.Ok, await PhoneGrain(second).Bind(accId, ticket, unconfirmedAllowed: false));

        Assert.Equal(accId, await PhoneGrain(second).Owner());
        Assert.Null(await PhoneGrain(first).Owner());
        Assert.Equal(second, (await _grains.GetGrain<IUserGrain>(accId).GetProfile()).Value!.Phone);

        ticket = await AccountTestKit.Verify(_grains, second);
        Assert.Equal(Err.AlreadyExists, await PhoneGrain(second).Bind(other, ticket, unconfirmedAllowed: false));
        Assert.Equal(accId, await PhoneGrain(second).Owner());
    }

    [Fact]
    public async Task An_unconfirmed_binding_logs_in_until_someone_proves_the_number()
    {
        var mover = await AccountTestKit.Register(_grains);
        var number = AccountTestKit.NewPhone();
        // The caller proved the mover's current phone, not this number.
        Assert.Equal(Err.Ok, await PhoneGrain(number).Bind(mover, null, unconfirmedAllowed: true));
        Assert.Equal(mover, await PhoneGrain(number).Owner());
        Assert.Equal(number, (await _grains.GetGrain<IUserGrain>(mover).GetProfile()).Value!.Phone);

        // The number's real owner verifies it by SMS and registers: the binding is released.
        var ticket = await AccountTestKit.Verify(_grains, number);
        var registered = await PhoneGrain(number).Register(ticket, "owner-hash");
        Assert.Equal(Err.Ok, registered.Err);
        Assert.Equal(registered.Value, await PhoneGrain(number).Owner());
        Assert.Equal("", (await _grains.GetGrain<IUserGrain>(mover).GetProfile()).Value!.Phone);
    }

    [Fact]
    public async Task A_confirmed_binding_is_never_taken_without_a_ticket_and_proof_takes_an_unconfirmed_one()
    {
        var holder = await AccountTestKit.Register(_grains);
        var number = AccountTestKit.NewPhone();
        var prover = await AccountTestKit.Register(_grains);
        Assert.Equal(Err.Ok, await PhoneGrain(number).Bind(holder, null, unconfirmedAllowed: true));
        // Held by another and not proven: "verify it first", never "taken" (no member oracle).
        Assert.Equal(Err.PhoneNotVerified, await PhoneGrain(number).Bind(prover, null, unconfirmedAllowed: true));

        var ticket = await AccountTestKit.Verify(_grains, number);
        Assert.Equal(Err.Ok, await PhoneGrain(number).Bind(prover, ticket, unconfirmedAllowed: false));
        Assert.Equal(prover, await PhoneGrain(number).Owner());
        Assert.Equal("", (await _grains.GetGrain<IUserGrain>(holder).GetProfile()).Value!.Phone);

        // Now confirmed: a further proof of the number does not move it.
        ticket = await AccountTestKit.Verify(_grains, number);
        Assert.Equal(Err.AlreadyExists, await PhoneGrain(number).Bind(holder, ticket, unconfirmedAllowed: true));
    }
}
