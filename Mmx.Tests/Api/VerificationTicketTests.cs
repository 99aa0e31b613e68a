using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mmx.Tests.Api;

/// <summary>
/// A verification belongs to the client that typed the code (contract: "Phone numbers, SMS codes"):
/// a stranger racing the owner of a number for resetpw, register or bindphone gets err 10, and a
/// ticket works once. Each client here has its own cookie jar, as two phones would.
/// </summary>
public sealed class VerificationTicketTests(VerificationTicketTests.Api api) : IClassFixture<VerificationTicketTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    [Fact]
    public async Task A_stranger_polling_resetpw_while_the_owner_verifies_gets_err_10()
    {
        var victim = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        await victim.SignUp(phone);
        var attacker = api.NewClient();

        await victim.VerifyPhone(phone);
        Assert.Equal(10, Err(await attacker.Post("/user/resetpw", new { phone, password = "attacker-pass-9" })));
        Assert.Equal(0, Err(await victim.Post("/user/resetpw", new { phone, password = "victim-new-pass" })));

        Assert.Equal(8, Err(await attacker.LogIn(phone, "attacker-pass-9")));
        Assert.Equal(0, Err(await victim.LogIn(phone, "victim-new-pass")));
        // The ticket was spent by the reset.
        Assert.Equal(10, Err(await victim.Post("/user/resetpw", new { phone, password = "victim-third-pass" })));
    }

    [Fact]
    public async Task A_stranger_cannot_steal_a_registration_the_owner_verified()
    {
        var victim = api.NewClient();
        var attacker = api.NewClient();
        var phone = AccountTestKit.NewPhone();

        await victim.VerifyPhone(phone);
        Assert.Equal(10, Err(await attacker.Post("/user/register", new { phone, password = "attacker-pass-9" })));
        var registered = await victim.Post("/user/register", new { phone, password = "victim-pass-1" });
        Assert.Equal(0, Err(registered));
        Assert.Equal(0, Err(await victim.LogIn(phone, "victim-pass-1")));
    }

    [Fact]
    public async Task A_stranger_cannot_bind_a_number_its_owner_verified()
    {
        var attacker = api.NewClient();
        await attacker.SignUp(AccountTestKit.NewPhone());
        var victim = api.NewClient();
        var phone = AccountTestKit.NewPhone();

        await victim.VerifyPhone(phone);
        Assert.Equal(10, Err(await attacker.Post("/user/bindphone", new { phone })));
        Assert.Equal(0, Err(await victim.Post("/user/register", new { phone, password = "victim-pass-1" })));
    }

    [Fact]
    public async Task The_ticket_in_the_body_works_without_cookies_and_only_once()
    {
        var http = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var phone = AccountTestKit.NewPhone();
        api.Clock.Advance(Mmx.Grains.Accounts.PhoneGrain.ResendAfter);
        Assert.Equal(0, Err(await Post(http, "/user/gencode", new { phone })));
        var code = await api.NewClient().ReadCodeFromOutbox(phone);

        using var verified = await http.PostAsJsonAsync("/user/vercode", new { phone, code });
        var answer = await ApiFactory.ReadJson(verified);
        Assert.Equal(0, Err(answer));
        var ticket = (string)answer["ticket"]!;
        Assert.True(ticket.Length >= 32);
        var cookie = Assert.Single(verified.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("mmx_verify=" + ticket, cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(10, Err(await Post(http, "/user/register", new { phone, password = "pass-word-1", ticket = "not-the-ticket" })));
        Assert.Equal(0, Err(await Post(http, "/user/register", new { phone, password = "pass-word-1", ticket })));
        Assert.Equal(10, Err(await Post(http, "/user/resetpw", new { phone, password = "pass-word-2", ticket })));
    }

    [Fact]
    public async Task A_ticket_of_one_number_does_not_verify_another()
    {
        var client = api.NewClient();
        var verified = AccountTestKit.NewPhone();
        await client.VerifyPhone(verified);
        Assert.Equal(10, Err(await client.Post("/user/register", new { phone = AccountTestKit.NewPhone(), password = "pass-word-1" })));
        Assert.Equal(0, Err(await client.Post("/user/register", new { phone = verified, password = "pass-word-1" })));
    }

    [Fact]
    public async Task Registering_a_taken_number_without_a_ticket_says_err_10_not_err_5()
    {
        var owner = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        await owner.SignUp(phone);
        // Without a ticket nothing tells a registered number from a free one.
        Assert.Equal(10, Err(await api.NewClient().Post("/user/register", new { phone, password = "pass-word-1" })));
        Assert.Equal(10, Err(await api.NewClient().Post("/user/register", new { phone = AccountTestKit.NewPhone(), password = "pass-word-1" })));
    }

    [Fact]
    public async Task Changing_phone_as_the_shipped_app_does_verifies_the_old_number_and_binds_the_new_unconfirmed()
    {
        var app = api.NewClient();
        var oldPhone = AccountTestKit.NewPhone();
        await app.SignUp(oldPhone);
        var newPhone = AccountTestKit.NewPhone();

        // A stolen session alone cannot move the account.
        Assert.Equal(10, Err(await app.Post("/user/bindphone", new { phone = newPhone })));
        await app.VerifyPhone(oldPhone);
        Assert.Equal(0, Err(await app.Post("/user/bindphone", new { phone = newPhone })));
        Assert.Equal(newPhone, (string?)(await app.Get("/user/personal"))["info"]!["phone"]);
        Assert.Equal(0, Err(await app.LogIn(newPhone)));
        Assert.Equal(8, Err(await app.LogIn(oldPhone)));

        // The new number's real owner proves it and registers: the unconfirmed binding goes.
        var owner = api.NewClient();
        await owner.SignUp(newPhone, "owner-pass-1");
        Assert.Equal(0, Err(await owner.LogIn(newPhone, "owner-pass-1")));
        Assert.Equal("", (string?)(await app.Get("/user/personal"))["info"]!["phone"]);
    }

    [Fact]
    public async Task Proof_of_both_numbers_makes_a_confirmed_binding()
    {
        var app = api.NewClient();
        var oldPhone = AccountTestKit.NewPhone();
        await app.SignUp(oldPhone);
        var newPhone = AccountTestKit.NewPhone();

        var oldTicket = await app.VerifyPhone(oldPhone);
        await app.VerifyPhone(newPhone);
        // The old number's ticket in the body, the new one's in the cookie.
        Assert.Equal(0, Err(await app.Post("/user/bindphone", new { phone = newPhone, ticket = oldTicket })));

        var stranger = api.NewClient();
        await stranger.VerifyPhone(newPhone);
        Assert.Equal(5, Err(await stranger.Post("/user/register", new { phone = newPhone, password = "pass-word-1" })));
        Assert.Equal(0, Err(await app.LogIn(newPhone)));
    }

    private static async Task<JsonNode> Post(HttpClient http, string url, object body)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        return await ApiFactory.ReadJson(response);
    }
}
