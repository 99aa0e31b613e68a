using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.Merchants;

/// <summary>
/// /merchant/forgetpassword as the portal's reset pages send it: the account looked up (its phone
/// masked), a code texted and checked, the new password set with the phone's ticket only, and
/// every session of the merchant ended by it.
/// </summary>
public sealed class MerchantPasswordResetTests(MerchantPasswordResetTests.Api api) : IClassFixture<MerchantPasswordResetTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private const string Reset = "/merchant/forgetpassword";

    [Fact]
    public async Task A_merchant_who_forgot_the_password_resets_it_by_sms_and_every_old_session_ends()
    {
        var (portal, shopId, account, phone, _, _) = await MerchantTestKit.LiveShop(api);
        var second = api.NewClient();
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(second, account, MerchantTestKit.Password)));
        Assert.Equal(0, Err(await portal.Get($"/merchant/{shopId}/info")));

        // Somebody else's browser: the look-up shows the phone masked, never in full.
        var browser = api.NewClient();
        var found = await browser.Literal(HttpMethod.Get, $"{Reset}?step=is_account_exist&acc_or_pho={account}", null, BrowserAgent);
        Assert.True((bool)found["is_exist"]!);
        Assert.Equal(shopId, (long)found["shop_id"]!);
        var masked = (string)found["phone"]!;
        Assert.Equal(phone[..3] + "****" + phone[^4..], masked);
        Assert.DoesNotContain(phone, found.ToJsonString());

        // Without the code the new password is refused (err 10), the old one still opens.
        var newPassword = Md5Lower("reset-by-sms-77");
        Assert.Equal(10, Err(await browser.Literal(HttpMethod.Post, Reset, $$"""{"step":"reset_password","shop_id":{{shopId}},"new_password":"{{newPassword}}"}""", BrowserAgent)));
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(api.NewClient(), account, MerchantTestKit.Password)));

        api.Clock.Advance(Mmx.Grains.Accounts.PhoneGrain.ResendAfter);
        var sent = await browser.Literal(HttpMethod.Get, $"{Reset}?step=get_phone_captcha&phone={Uri.EscapeDataString(masked)}", null, BrowserAgent);
        Assert.True((bool)sent["is_success"]!);
        var code = await browser.ReadCodeFromOutbox(phone);
        Assert.DoesNotContain(code, sent.ToJsonString());
        var wrong = code == "000000" ? "111111" : "000000";
        Assert.NotEqual(0, Err(await browser.Literal(HttpMethod.Post, Reset, $$"""{"step":"validate_phone_captcha","phone_captcha":"{{wrong}}","phone":"{{masked}}"}""", BrowserAgent)));
        var verified = await browser.Literal(HttpMethod.Post, Reset, $$"""{"step":"validate_phone_captcha","phone_captcha":"{{code}}","phone":"{{masked}}"}""", BrowserAgent);
        Assert.True((bool)verified["is_success"]!, verified.ToJsonString());

        // Another shop's id with this phone's ticket: err 10, that shop unchanged.
        var other = await MerchantTestKit.LiveShop(api);
        Assert.Equal(10, Err(await browser.Literal(HttpMethod.Post, Reset, $$"""{"step":"reset_password","shop_id":{{other.ShopId}},"new_password":"{{newPassword}}"}""", BrowserAgent)));
        Assert.Equal(0, Err(await other.Portal.Get($"/merchant/{other.ShopId}/info")));

        var done = await browser.Literal(HttpMethod.Post, Reset, $$"""{"step":"reset_password","shop_id":{{shopId}},"new_password":"{{newPassword}}"}""", BrowserAgent);
        Assert.True((bool)done["is_success"]!, done.ToJsonString());
        Assert.Equal(2, Err(await portal.Get($"/merchant/{shopId}/info")));
        Assert.Equal(2, Err(await second.Get($"/merchant/{shopId}/info")));
        Assert.Equal(8, Err(await MerchantTestKit.LogIn(api.NewClient(), account, MerchantTestKit.Password)));
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(portal, account, newPassword)));
        Assert.Equal(0, Err(await portal.Get($"/merchant/{shopId}/info")));
        // The ticket was spent.
        Assert.Equal(10, Err(await browser.Literal(HttpMethod.Post, Reset, $$"""{"step":"reset_password","shop_id":{{shopId}},"new_password":"{{Md5Lower("third-time-x")}}"}""", BrowserAgent)));
    }

    [Fact]
    public async Task Unknown_accounts_and_phones_that_do_not_match_get_no_code()
    {
        var merchant = await MerchantTestKit.SignUp(api);
        var browser = api.NewClient();
        var unknown = await browser.Literal(HttpMethod.Get, $"{Reset}?step=is_account_exist&acc_or_pho=nobody{Random.Shared.Next()}", null, BrowserAgent);
        Assert.False((bool)unknown["is_exist"]!);
        // A masked phone without the look-up (its cookie), or another phone's mask: err 4, no SMS.
        var masked = merchant.Phone[..3] + "****" + merchant.Phone[^4..];
        Assert.Equal(4, Err(await browser.Literal(HttpMethod.Get, $"{Reset}?step=get_phone_captcha&phone={Uri.EscapeDataString(masked)}", null, BrowserAgent)));
        Assert.True((bool)(await browser.Literal(HttpMethod.Get, $"{Reset}?step=is_account_exist&acc_or_pho={merchant.Phone}", null, BrowserAgent))["is_exist"]!);
        Assert.Equal(4, Err(await browser.Literal(HttpMethod.Get, $"{Reset}?step=get_phone_captcha&phone={Uri.EscapeDataString("139****0000")}", null, BrowserAgent)));
        Assert.Equal(4, Err(await browser.Literal(HttpMethod.Get, $"{Reset}?step=get_phone_captcha&phone={AccountTestKit.NewPhone()}", null, BrowserAgent)));
        var outbox = await api.NewClient().Send(HttpMethod.Get, $"/admin/sms?phone={merchant.Phone}", null, admin: true);
        Assert.Single(outbox["messages"]!.AsArray());
        // Bad steps and fields: err 1.
        Assert.Equal(1, Err(await browser.Literal(HttpMethod.Get, $"{Reset}?step=steal", null, BrowserAgent)));
        Assert.Equal(1, Err(await browser.Literal(HttpMethod.Get, Reset, null, BrowserAgent)));
        Assert.Equal(1, Err(await browser.Literal(HttpMethod.Post, Reset, """{"step":"validate_phone_captcha","phone_captcha":"12ab56","phone":"13800138000"}""", BrowserAgent)));
        Assert.Equal(1, Err(await browser.Literal(HttpMethod.Post, Reset, $$"""{"step":"reset_password","shop_id":{{merchant.ShopId}},"new_password":"short"}""", BrowserAgent)));
    }
}
