using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Mmx.Tests.Hardening;

/// <summary>
/// Lock-out that cannot be turned against a user: a stranger's wrong passwords hold back the
/// stranger's address, not the owner; unknown and real accounts answer alike and take as long;
/// a third-party account's provider login is never locked.
/// </summary>
public sealed class LockoutTests(LockoutTests.Api api) : IClassFixture<LockoutTests.Api>
{
    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string> { ["Mmx:ThirdParty:TrustOpenId"] = "true" });

    private async Task<int> Login(string phone, string password, string from)
    {
        var answer = await api.NewClient().Literal(HttpMethod.Post, "/user/login",
            $$"""{"mode":2,"type":4,"phone":"{{phone}}","password":"{{password}}"}""", (TestRemoteAddress.Header, from));
        return (int)answer["err"]!;
    }

    [Fact]
    public async Task A_stranger_locking_the_account_from_one_address_does_not_lock_the_owner_out_elsewhere()
    {
        var phone = AccountTestKit.NewPhone();
        await api.NewClient().SignUp(phone, "owner-Pass-77");
        for (var i = 0; i < 5; i++) Assert.Equal(8, await Login(phone, $"guess-{i}-xyz", "198.51.100.66"));
        Assert.Equal(7, await Login(phone, "owner-Pass-77", "198.51.100.66"));
        Assert.Equal(0, await Login(phone, "owner-Pass-77", "203.0.113.5"));
    }

    /// <summary>
    /// Security round three, point 8: 20 requests from a few addresses held the owner out of every
    /// new address for an hour, with no way in. A fresh SMS ticket of the bound phone is that way.
    /// </summary>
    [Fact]
    public async Task After_a_spread_attack_the_owner_gets_in_from_a_new_address_with_a_fresh_sms_ticket()
    {
        var phone = AccountTestKit.NewPhone();
        await api.NewClient().SignUp(phone, "owner-Pass-88");
        for (var i = 0; i < 20; i++) Assert.Equal(8, await Login(phone, $"guess-{i}-abc", $"198.51.100.{100 + i % 7}"));
        Assert.Equal(7, await Login(phone, "owner-Pass-88", "203.0.113.90"));

        // The owner, on a new address, proves the phone by SMS: the hold is passed, once.
        var owner = api.NewClient();
        owner.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, "203.0.113.91");
        var ticket = await owner.VerifyPhone(phone);
        Assert.Equal(8, (int)(await owner.Post("/user/login", new { mode = 2, type = 4, phone, password = "not-the-password", ticket }))["err"]!);
        Assert.Equal(0, (int)(await owner.Post("/user/login", new { mode = 2, type = 4, phone, password = "owner-Pass-88", ticket }))["err"]!);
        // Spent: from another new address the same ticket passes nothing; nor does one of another number.
        var elsewhere = api.NewClient();
        elsewhere.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, "203.0.113.92");
        Assert.Equal(7, (int)(await elsewhere.Post("/user/login", new { mode = 2, type = 4, phone, password = "owner-Pass-88", ticket }))["err"]!);
        var otherTicket = await elsewhere.VerifyPhone(AccountTestKit.NewPhone());
        Assert.Equal(7, (int)(await elsewhere.Post("/user/login", new { mode = 2, type = 4, phone, password = "owner-Pass-88", ticket = otherTicket }))["err"]!);
    }

    [Fact]
    public async Task Unknown_and_real_accounts_answer_alike()
    {
        var real = AccountTestKit.NewPhone();
        await api.NewClient().SignUp(real, "owner-Pass-77");
        var unknown = AccountTestKit.NewPhone();
        foreach (var (phone, from) in new[] { (real, "198.51.100.70"), (unknown, "198.51.100.71") })
        {
            for (var i = 0; i < 5; i++) Assert.Equal(8, await Login(phone, $"guess-{i}-xyz", from));
            Assert.Equal(7, await Login(phone, $"guess-9-xyz", from));
        }
    }

    [Fact]
    public async Task Unknown_real_and_password_less_accounts_take_about_as_long()
    {
        var real = AccountTestKit.NewPhone();
        await api.NewClient().SignUp(real, "owner-Pass-77");
        // A third-party account has no password; mode 1 reaches it by its accID.
        var thirdParty = (long)(await api.NewClient().Post("/user/login", new { mode = 4, type = 4, openID = $"qq-{Guid.NewGuid():N}" }))["accID"]!;

        async Task<double> Median(Func<int, Task> attempt)
        {
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                await attempt(i);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(2);
        }
        var realTime = await Median(i => Login(real, $"wrong-{i}-xyz", $"192.0.2.{100 + i}"));
        var unknownTime = await Median(i => Login(AccountTestKit.NewPhone(), $"wrong-{i}-xyz", $"192.0.2.{110 + i}"));
        var passwordLess = await Median(async i => await api.NewClient().Literal(HttpMethod.Post, "/user/login",
            $$"""{"mode":1,"type":4,"account":"{{thirdParty}}","password":"wrong-{{i}}-xyz"}""", (TestRemoteAddress.Header, $"192.0.2.{120 + i}")));
        // A hash costs ~100 ms; skipping it would answer in a few. Within a factor of 3 either way.
        Assert.InRange(unknownTime / realTime, 1 / 3.0, 3);
        Assert.InRange(passwordLess / realTime, 1 / 3.0, 3);
    }

    [Fact]
    public async Task Wrong_passwords_against_a_third_party_account_never_lock_its_provider_login()
    {
        var openID = $"wx-{Guid.NewGuid():N}";
        var first = await api.NewClient().Post("/user/login", new { mode = 5, type = 4, openID });
        var accId = (long)first["accID"]!;
        for (var i = 0; i < 12; i++)
        {
            await api.NewClient().Literal(HttpMethod.Post, "/user/login",
                $$"""{"mode":1,"type":4,"account":"{{accId}}","password":"guess-{{i}}-xyz"}""", (TestRemoteAddress.Header, $"198.51.100.{80 + i % 3}"));
        }
        var again = await api.NewClient().Literal(HttpMethod.Post, "/user/login", $$"""{"mode":5,"type":4,"openID":"{{openID}}"}""",
            (TestRemoteAddress.Header, "198.51.100.80"));
        Assert.Equal(0, (int)again["err"]!);
        Assert.Equal(accId, (long)again["accID"]!);
    }
}
