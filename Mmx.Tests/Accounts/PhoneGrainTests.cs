using Mmx.Grains.Accounts;

namespace Mmx.Tests.Accounts;

/// <summary>SMS codes, the verified-phone gate and unique registration, on the two-silo cluster with the fake clock.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class PhoneGrainTests(TwoSiloCluster fixture)
{
    private readonly IClusterClient _grains = fixture.Client;
    private IPhoneGrain PhoneGrain(string phone) => _grains.GetGrain<IPhoneGrain>(phone);

    [Fact]
    public async Task One_code_per_60_seconds_and_ten_a_day()
    {
        TestClock.MoveToMorning();
        var phone = PhoneGrain(AccountTestKit.NewPhone());

        Assert.Equal(Err.Ok, await phone.SendCode());
        Assert.Equal(Err.TooManyRequests, await phone.SendCode());
        TestClock.Instance.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(Err.TooManyRequests, await phone.SendCode());
        for (var sent = 1; sent < Mmx.Grains.Accounts.PhoneGrain.CodesPerDay; sent++)
        {
            TestClock.Instance.Advance(TimeSpan.FromSeconds(61));
            Assert.Equal(Err.Ok, await phone.SendCode());
        }
        TestClock.Instance.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Err.TooManyRequests, await phone.SendCode());

        TestClock.MoveToMorning();
        Assert.Equal(Err.Ok, await phone.SendCode());
    }

    [Fact]
    public async Task A_code_is_six_digits_and_expires_after_five_minutes()
    {
        var number = AccountTestKit.NewPhone();
        var code = await AccountTestKit.SendAndReadCode(_grains, number);
        Assert.Matches("^[0-9]{6}$", code);

        TestClock.Instance.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(code));
        Assert.False(await PhoneGrain(number).IsVerified());
    }

    [Fact]
    public async Task A_code_dies_after_five_wrong_tries()
    {
        var number = AccountTestKit.NewPhone();
        var code = await AccountTestKit.SendAndReadCode(_grains, number);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < Mmx.Grains.Accounts.PhoneGrain.WrongTriesAllowed; i++)
        {
            Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(wrong));
        }
        Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(code));
        Assert.False(await PhoneGrain(number).IsVerified());
    }

    [Fact]
    public async Task A_right_code_verifies_once_and_for_ten_minutes()
    {
        var number = AccountTestKit.NewPhone();
        var code = await AccountTestKit.SendAndReadCode(_grains, number);
        Assert.Equal(Err.Ok, await PhoneGrain(number).VerifyCode(code));
        // Used codes are gone.
        Assert.Equal(Err.CodeInvalid, await PhoneGrain(number).VerifyCode(code));

        TestClock.Instance.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Equal(Err.PhoneNotVerified, (await PhoneGrain(number).Register("h")).Err);

        await AccountTestKit.Verify(_grains, number);
        Assert.Equal(Err.Ok, (await PhoneGrain(number).Register("h")).Err);
        // The verification was spent by the registration.
        Assert.Equal(Err.PhoneNotVerified, await PhoneGrain(number).ResetPassword("h2"));
    }

    [Fact]
    public async Task Racing_registrations_of_one_phone_make_exactly_one_account()
    {
        var number = AccountTestKit.NewPhone();
        await AccountTestKit.Verify(_grains, number);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PhoneGrain(number).Register($"hash-{i}")));

        var winner = Assert.Single(results, r => r.Err == Err.Ok);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(Err.AlreadyExists, r.Err));
        Assert.Equal(winner.Value, await PhoneGrain(number).Owner());
        var profile = await _grains.GetGrain<IUserGrain>(winner.Value).GetProfile();
        Assert.Equal(number, profile!.Phone);
        Assert.Equal(winner.Value, await _grains.GetGrain<IMcodeGrain>(profile.Mcode).Owner());
    }

    [Fact]
    public async Task Concurrent_registrations_get_distinct_accids_and_mcodes()
    {
        var numbers = Enumerable.Range(0, 20).Select(_ => AccountTestKit.NewPhone()).ToList();
        var accIds = await Task.WhenAll(numbers.Select(n => AccountTestKit.Register(_grains, n)));
        Assert.Equal(accIds.Length, accIds.Distinct().Count());
        Assert.All(accIds, id => Assert.True(id >= 10001));

        var profiles = await Task.WhenAll(accIds.Select(id => _grains.GetGrain<IUserGrain>(id).GetProfile()));
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
        Assert.Equal(Err.Ok, (await user.CompleteLogin(AccountTestKit.Attempt(true, token: token))).Err);
        Assert.Equal(accId, await _grains.GetGrain<ISessionGrain>(token).Validate());

        Assert.Equal(Err.PhoneNotVerified, await PhoneGrain(number).ResetPassword("new-hash"));
        Assert.Equal("hash-of-" + number, (await user.BeginLogin())!.PasswordHash);

        await AccountTestKit.Verify(_grains, number);
        Assert.Equal(Err.Ok, await PhoneGrain(number).ResetPassword("new-hash"));
        Assert.Equal("new-hash", (await user.BeginLogin())!.PasswordHash);
        Assert.Null(await _grains.GetGrain<ISessionGrain>(token).Validate());

        var unknown = AccountTestKit.NewPhone();
        await AccountTestKit.Verify(_grains, unknown);
        Assert.Equal(Err.NotFound, await PhoneGrain(unknown).ResetPassword("x"));
    }

    [Fact]
    public async Task Binding_a_phone_moves_it_and_never_steals_one()
    {
        var first = AccountTestKit.NewPhone();
        var accId = await AccountTestKit.Register(_grains, first);
        var other = await AccountTestKit.Register(_grains);
        var second = AccountTestKit.NewPhone();

        Assert.Equal(Err.PhoneNotVerified, await PhoneGrain(second).Bind(accId));
        await AccountTestKit.Verify(_grains, second);
        Assert.Equal(Err.Ok, await PhoneGrain(second).Bind(accId));

        Assert.Equal(accId, await PhoneGrain(second).Owner());
        Assert.Null(await PhoneGrain(first).Owner());
        Assert.Equal(second, (await _grains.GetGrain<IUserGrain>(accId).GetProfile())!.Phone);

        await AccountTestKit.Verify(_grains, second);
        Assert.Equal(Err.AlreadyExists, await PhoneGrain(second).Bind(other));
        Assert.Equal(accId, await PhoneGrain(second).Owner());
    }
}
