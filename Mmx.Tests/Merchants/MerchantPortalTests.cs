using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.Merchants;

/// <summary>
/// The shipped merchant portal's account flow (fd_web_cli views/platform and views/merchant) with
/// its own bodies: verify the phone on /basic/phonevalidate, sign up, wait for the audit, log in,
/// read the service; the operator's queue decides. Nothing of a shop reaches users before it is live.
/// </summary>
public sealed class MerchantPortalTests(MerchantPortalTests.Api api) : IClassFixture<MerchantPortalTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    [Fact]
    public async Task A_shop_signed_up_on_the_portal_waits_for_its_audit_and_goes_live_for_users_when_approved()
    {
        var (portal, shopId, account, phone, lng, lat) = await MerchantTestKit.SignUp(api);
        Assert.True(shopId >= Mmx.Grains.Merchants.IShopIdGrain.FirstId);
        var user = api.NewClient();
        await user.SignUp(AccountTestKit.NewPhone());
        var nearest = $"/user/shop?city=1&count=3&long={lng}&lat={lat}";

        // Pending: nowhere for users.
        Assert.Equal(4, Err(await user.Get($"/user/shop/info?sid={shopId}")));
        Assert.DoesNotContain((await user.Get(nearest))["shopList"]!.AsArray(), s => (long)s!["id"]! == shopId);
        Assert.True((bool)(await portal.Get($"/merchant/isexist?account={account.ToUpperInvariant()}"))["is_exist"]!);
        Assert.False((bool)(await portal.Get("/merchant/isexist?account=nobody_here"))["is_exist"]!);

        var login = await MerchantTestKit.LogIn(portal, account, MerchantTestKit.Password);
        Assert.Equal(0, Err(login));
        Assert.True((bool)login["is_success"]!);
        Assert.Equal(shopId, (long)login["shop_id"]!);
        Assert.Equal(1, (int)login["merchant_service_status"]!);
        var service = await portal.Get($"/merchant/{shopId}/serviceinfo");
        Assert.Equal(1, (int)service["service_status"]!);
        Assert.Null(service["service_deadline"]);
        // The verified number is the merchant's login too.
        Assert.Equal(shopId, (long)(await MerchantTestKit.LogIn(api.NewClient(), phone, MerchantTestKit.Password))["shop_id"]!);

        var queue = await api.NewClient().Send(HttpMethod.Get, "/admin/merchants/pending", null, admin: true);
        Assert.Contains(queue["merchants"]!.AsArray(), m => (long)m!["shop_id"]! == shopId && (string)m["account"]! == account);
        Assert.Equal(0, Err(await MerchantTestKit.Approve(api, shopId, days: 30, quota: 5)));

        // Live at once: the shop's info and the nearest listing show it; the merchant got an SMS.
        var info = await user.Get($"/user/shop/info?sid={shopId}");
        Assert.Equal(0, Err(info));
        Assert.StartsWith("门店", (string)info["info"]!["name"]!);
        Assert.Equal(shopId, (long)(await user.Get(nearest))["shopList"]![0]!["id"]!);
        var sms = await api.NewClient().Send(HttpMethod.Get, $"/admin/sms?phone={phone}", null, admin: true);
        Assert.Contains("通过审核", (string)sms["messages"]![0]!["text"]!);
        Assert.DoesNotContain((await api.NewClient().Send(HttpMethod.Get, "/admin/merchants/pending", null, admin: true))["merchants"]!.AsArray(),
            m => (long)m!["shop_id"]! == shopId);
        service = await portal.Get($"/merchant/{shopId}/serviceinfo");
        Assert.Equal(2, (int)service["service_status"]!);
        Assert.Equal(5, (int)service["remain"]!);
        var deadline = DateTimeOffset.ParseExact((string)service["service_deadline"]! + " +08:00", "yyyy-MM-dd HH:mm:ss zzz", null);
        Assert.InRange(deadline - api.Clock.GetUtcNow(), TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        Assert.Equal(5, (int)(await portal.Get($"/merchant/{shopId}/msgconfig"))["mass_remain_count"]!);
        // A second approval renews from the end of the period, and sends its own SMS.
        Assert.Equal(0, Err(await MerchantTestKit.Approve(api, shopId, days: 10, quota: 5)));
        var renewed = DateTimeOffset.ParseExact((string)(await portal.Get($"/merchant/{shopId}/serviceinfo"))["service_deadline"]! + " +08:00", "yyyy-MM-dd HH:mm:ss zzz", null);
        Assert.Equal(deadline + TimeSpan.FromDays(10), renewed);
        Assert.Equal(2, (await api.NewClient().Send(HttpMethod.Get, $"/admin/sms?phone={phone}", null, admin: true))["messages"]!.AsArray()
            .Count(m => ((string)m!["text"]!).Contains("通过审核")));
    }

    [Fact]
    public async Task Merchant_and_user_sessions_never_open_each_others_routes_nor_another_merchants_shop()
    {
        var (portal, shopId, account, _, _, _) = await MerchantTestKit.SignUp(api);
        var (other, otherShop, otherAccount, _, _, _) = await MerchantTestKit.SignUp(api);
        var token = (string)(await MerchantTestKit.LogIn(portal, account, MerchantTestKit.Password))["token"]!;
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(other, otherAccount, MerchantTestKit.Password)));

        // The portal's cookie opens its own shop's pages, not another's (err 3, nothing changed).
        Assert.Equal(0, Err(await portal.Get($"/merchant/{shopId}/info")));
        Assert.Equal(3, Err(await portal.Get($"/merchant/{otherShop}/info")));
        Assert.Equal(3, Err(await portal.Post($"/merchant/{otherShop}/info", new { contact_name = "冒名" })));
        Assert.Equal("王女士", (string)(await other.Get($"/merchant/{otherShop}/info"))["contact_name"]!);

        // A merchant token is no user session and a user token no merchant session: err 2 both ways.
        var bearer = api.NewClient();
        bearer.Token = token;
        Assert.Equal(0, Err(await bearer.Get($"/merchant/{shopId}/serviceinfo")));
        Assert.Equal(2, Err(await bearer.Get("/user/personal")));
        var user = api.NewClient();
        await user.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(2, Err(await user.Get($"/merchant/{shopId}/serviceinfo")));
        Assert.Equal(2, Err(await api.NewClient().Get($"/merchant/{shopId}/serviceinfo")));
        // Failures on the portal's routes say is_success false, as the portal reads them.
        Assert.False((bool)(await user.Get($"/merchant/{shopId}/serviceinfo"))["is_success"]!);

        // Logout ends the session everywhere (the bearer copy too).
        Assert.Equal(0, Err(await portal.Post("/merchant/logout")));
        Assert.Equal(2, Err(await bearer.Get($"/merchant/{shopId}/serviceinfo")));
    }

    [Fact]
    public async Task The_password_changes_with_the_old_one_as_proof()
    {
        var (portal, shopId, account, _, _, _) = await MerchantTestKit.SignUp(api);
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(portal, account, MerchantTestKit.Password)));
        var fresh = Md5Lower("another-pass-43");
        Assert.Equal(8, Err(await portal.Put($"/merchant/{shopId}/password", new { old_password = Md5Lower("wrong"), new_password = fresh })));
        Assert.Equal(1, Err(await portal.Put($"/merchant/{shopId}/password", new { old_password = MerchantTestKit.Password, new_password = "123456" })));
        Assert.Equal(0, Err(await portal.Put($"/merchant/{shopId}/password", new { old_password = MerchantTestKit.Password, new_password = fresh })));
        Assert.Equal(8, Err(await MerchantTestKit.LogIn(api.NewClient(), account, MerchantTestKit.Password)));
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(api.NewClient(), account, fresh)));
        // The upper-case MD5 (as the iOS app spells it) is the same password.
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(api.NewClient(), account, fresh.ToUpperInvariant())));
    }

    [Fact]
    public async Task A_rejected_sign_up_tells_its_merchant_why_and_stays_invisible()
    {
        var (portal, shopId, account, phone, _, _) = await MerchantTestKit.SignUp(api);
        var admin = api.NewClient();
        Assert.Equal(1, Err(await admin.Send(HttpMethod.Post, $"/admin/merchant/{shopId}/reject", new { reason = "" }, admin: true)));
        Assert.Equal(0, Err(await admin.Send(HttpMethod.Post, $"/admin/merchant/{shopId}/reject", new { reason = "营业执照不清晰" }, admin: true)));
        var sms = await admin.Send(HttpMethod.Get, $"/admin/sms?phone={phone}", null, admin: true);
        Assert.Contains("营业执照不清晰", (string)sms["messages"]![0]!["text"]!);
        // Decided: an approval now is refused and nothing goes live.
        Assert.Equal(3, Err(await MerchantTestKit.Approve(api, shopId)));
        Assert.Equal(4, Err(await admin.Get($"/user/shop/info?sid={shopId}")));
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(portal, account, MerchantTestKit.Password)));
        var service = await portal.Get($"/merchant/{shopId}/serviceinfo");
        Assert.Equal(4, (int)service["service_status"]!);
        Assert.Equal("营业执照不清晰", (string)service["reject_reason"]!);
        // Operators only.
        Assert.Equal(3, Err(await portal.Post($"/admin/merchant/{shopId}/approve", new { days = 30 })));
    }

    [Fact]
    public async Task A_sign_up_needs_its_phone_verified_a_free_name_and_a_real_city_and_category()
    {
        var portal = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        // Without the ticket: err 10, nothing kept (the name stays free).
        var (account, json, _, _) = MerchantTestKit.Form(phone);
        Assert.Equal(10, Err(await portal.Literal(HttpMethod.Post, "/merchant", json, BrowserAgent)));
        Assert.False((bool)(await portal.Get($"/merchant/isexist?account={account}"))["is_exist"]!);

        await MerchantTestKit.VerifyOnPhoneValidate(api, portal, phone);
        Assert.Equal(4, Err(await portal.Literal(HttpMethod.Post, "/merchant", MerchantTestKit.Form(phone, city: 999_999).Json, BrowserAgent)));
        Assert.Equal(4, Err(await portal.Literal(HttpMethod.Post, "/merchant", MerchantTestKit.Form(phone, category: "[987654]").Json, BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, "/merchant", MerchantTestKit.Form(phone, account: "9starts_with_digit").Json, BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, "/merchant", MerchantTestKit.Form(phone, category: "[]").Json, BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, "/merchant", System.Text.RegularExpressions.Regex.Replace(json, "\"longitude\":[0-9.]+", "\"longitude\":900"), BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, "/merchant", json.Replace("王女士", ""), BrowserAgent)));
        // The ticket survived every refusal above; the category list may be strings.
        var signed = await portal.Literal(HttpMethod.Post, "/merchant", json.Replace("[1, 11]", "[\"1\"]"), BrowserAgent);
        Assert.Equal(0, Err(signed));
        // The ticket is spent, and the name taken.
        Assert.Equal(10, Err(await portal.Literal(HttpMethod.Post, "/merchant", MerchantTestKit.Form(phone).Json, BrowserAgent)));
        var again = api.NewClient();
        var otherPhone = AccountTestKit.NewPhone();
        await MerchantTestKit.VerifyOnPhoneValidate(api, again, otherPhone);
        Assert.Equal(5, Err(await again.Literal(HttpMethod.Post, "/merchant", MerchantTestKit.Form(otherPhone, account: account).Json, BrowserAgent)));
        // The phone belongs to one merchant.
        await MerchantTestKit.VerifyOnPhoneValidate(api, again, phone);
        Assert.Equal(5, Err(await again.Literal(HttpMethod.Post, "/merchant", MerchantTestKit.Form(phone).Json, BrowserAgent)));
    }

    [Fact]
    public async Task A_live_shops_edits_reach_users_before_the_answer_and_concurrent_edits_keep_both()
    {
        var (portal, shopId, _, _, lng, lat) = await MerchantTestKit.LiveShop(api);
        var user = api.NewClient();
        await user.SignUp(AccountTestKit.NewPhone());
        // Moved 0.2 degrees: the listing near the new spot has it first, with the new name.
        double newLng = lng + 0.2, newLat = lat + 0.2;
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, $"/shop/{shopId}", MerchantTestKit.ShopForm("新门店", newLng, newLat), BrowserAgent)));
        var info = (await user.Get($"/user/shop/info?sid={shopId}"))["info"]!;
        Assert.Equal("新门店", (string)info["name"]!);
        Assert.Equal("0755-86111111", (string)info["phone"]!);
        Assert.Equal("09:00-21:00", (string)info["hours"]!);
        var first = (await user.Get($"/user/shop?city=1&count=3&long={newLng}&lat={newLat}"))["shopList"]![0]!;
        Assert.Equal(shopId, (long)first["id"]!);
        Assert.Equal("新门店", (string)first["name"]!);

        // The details and the introduction changed at once: both stay.
        var edits = Enumerable.Range(0, 4).Select(i => i % 2 == 0
            ? portal.Literal(HttpMethod.Put, $"/shop/{shopId}", MerchantTestKit.ShopForm($"并发{i}", newLng, newLat), BrowserAgent)
            : portal.Literal(HttpMethod.Put, $"/shop/{shopId}/introduction", $$"""{"introduction":"介绍{{i}}"}""", BrowserAgent));
        Assert.All(await Task.WhenAll(edits), a => Assert.Equal(0, Err(a)));
        info = (await user.Get($"/user/shop/info?sid={shopId}"))["info"]!;
        Assert.StartsWith("并发", (string)info["name"]!);
        Assert.StartsWith("介绍", (string)info["intro"]!);
        Assert.Equal((string)info["intro"]!, (string)(await portal.Get($"/shop/{shopId}/introduction"))["introduction"]!);

        // Another merchant: err 3, nothing changed.
        var (other, _, otherAccount, _, _, _) = await MerchantTestKit.SignUp(api);
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(other, otherAccount, MerchantTestKit.Password)));
        Assert.Equal(3, Err(await other.Literal(HttpMethod.Put, $"/shop/{shopId}", MerchantTestKit.ShopForm("冒名", newLng, newLat), BrowserAgent)));
        Assert.Equal(3, Err(await other.Literal(HttpMethod.Put, $"/shop/{shopId}/introduction", """{"introduction":"冒名"}""", BrowserAgent)));
        Assert.StartsWith("并发", (string)(await user.Get($"/user/shop/info?sid={shopId}"))["info"]!["name"]!);
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Put, $"/shop/{shopId}", MerchantTestKit.ShopForm("", newLng, newLat), BrowserAgent)));
    }

    [Fact]
    public async Task An_import_and_a_merchants_edit_of_one_shop_keep_the_newer_in_either_order()
    {
        var (portal, shopId, _, _, lng, lat) = await MerchantTestKit.LiveShop(api);
        var user = api.NewClient();
        await user.SignUp(AccountTestKit.NewPhone());
        async Task<string> Shown() => (string)(await user.Get($"/user/shop/info?sid={shopId}"))["info"]!["name"]!;
        string Import(string name, long? updated)
        {
            var stamp = updated is { } u ? ",\"updated\":" + u : "";
            return $$"""{"shops":[{"id":{{shopId}},"name":"{{name}}","city":1,"category":1,"long":{{lng}},"lat":{{lat}}{{stamp}}}]}""";
        }

        // An export made before the merchant's edit, imported after it: the edit stays.
        var before = api.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, $"/shop/{shopId}", MerchantTestKit.ShopForm("商家改的", lng, lat), BrowserAgent)));
        Assert.Equal(0, Err(await api.Import(Import("旧导出", before))));
        Assert.Equal("商家改的", await Shown());
        // An import made now (no stamp: when applied) is the newer: it wins, and the merchant's next edit starts from it.
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Err(await api.Import(Import("运营改的", null))));
        Assert.Equal("运营改的", await Shown());
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, $"/shop/{shopId}/introduction", """{"introduction":"只改介绍"}""", BrowserAgent)));
        var info = (await user.Get($"/user/shop/info?sid={shopId}"))["info"]!;
        Assert.Equal("运营改的", (string)info["name"]!);
        Assert.Equal("只改介绍", (string)info["intro"]!);
        // A renewal publishes the shop as it stands: an import since the merchant's last edit stays.
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Err(await api.Import(Import("续期前导入", null))));
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Err(await MerchantTestKit.Approve(api, shopId, days: 10)));
        Assert.Equal("续期前导入", await Shown());
    }

    [Fact]
    public async Task A_pending_shops_edits_stay_with_its_merchant()
    {
        var (portal, shopId, account, _, lng, lat) = await MerchantTestKit.SignUp(api);
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(portal, account, MerchantTestKit.Password)));
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, $"/shop/{shopId}/introduction", """{"introduction":"开业前"}""", BrowserAgent)));
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, $"/shop/{shopId}", MerchantTestKit.ShopForm("待审核店", lng, lat), BrowserAgent)));
        Assert.Equal("开业前", (string)(await portal.Get($"/shop/{shopId}/introduction"))["introduction"]!);
        Assert.Equal(4, Err(await api.NewClient().Get($"/user/shop/info?sid={shopId}")));
        // Approved: what users see is the shop as last edited.
        Assert.Equal(0, Err(await MerchantTestKit.Approve(api, shopId)));
        var info = (await api.NewClient().Get($"/user/shop/info?sid={shopId}"))["info"]!;
        Assert.Equal("待审核店", (string)info["name"]!);
        Assert.Equal("开业前", (string)info["intro"]!);
    }
}
