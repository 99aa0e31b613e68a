using Mmx.Api.Access;
using Microsoft.Extensions.DependencyInjection;
using Mmx.Api.Accounts;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Mmx.Tests.Api;

/// <summary>The accounts routes over HTTP against the embedded API.</summary>
public sealed class AccountApiTests(AccountApiTests.Api api) : IClassFixture<AccountApiTests.Api>
{
    public sealed class Api : ApiFactory;

    private ApiClient NewClient() => api.NewClient();
    private static int Err(JsonNode answer) => (int)answer["err"]!;

    [Fact]
    public async Task Sign_up_log_in_on_two_devices_edit_profile_and_log_out()
    {
        var client = NewClient();
        var phone = AccountTestKit.NewPhone();
        var accId = await client.SignUp(phone);
        var registrationToken = client.Token!;

        var first = await client.LogIn(phone, dev: "IMEI-A");
        Assert.Equal(0, Err(first));
        Assert.Equal(accId, (long)first["accID"]!);
        Assert.Equal("", (string?)first["dev"]);
        var second = await client.LogIn(phone, dev: "IMEI-B");
        Assert.Equal("IMEI-A", (string?)second["dev"]);

        var info = (await client.Get("/user/personal"))["info"]!;
        Assert.Equal(phone, (string?)info["phone"]);
        var mcode = (long)info["mcode"]!;
        Assert.InRange(mcode, 100_000_000, 999_999_999);
        Assert.EndsWith($"/userweb/qcode/{mcode}.png", (string?)info["qcode"]);
        foreach (var field in new[] { "name", "portrait", "gender", "city" }) Assert.NotNull(info[field]);

        // Mode 1 takes the mcode or the accID as the account.
        var byMcode = await client.Post("/user/login", new { mode = 1, type = 4, account = mcode.ToString(), password = "secret-pass-1", dev = "IMEI-C" });
        Assert.Equal(accId, (long)byMcode["accID"]!);
        Assert.Equal("IMEI-B", (string?)byMcode["dev"]);
        var byAccId = await client.Post("/user/login", new { mode = 1, type = 4, account = accId, password = "secret-pass-1" });
        Assert.Equal(0, Err(byAccId));
        client.Token = (string)byAccId["token"]!;

        Assert.Equal(0, Err(await client.Post("/user/personal", new { attr = 1, name = "张三" })));
        Assert.Equal(0, Err(await client.Post("/user/personal", new { attr = 2, portrait = "https://img.test/me.png" })));
        Assert.Equal(0, Err(await client.Post("/user/personal", new { attr = 3, gender = 2 })));
        Assert.Equal(0, Err(await client.Post("/user/personal", new { attr = 4, city = 1 })));
        info = (await client.Get("/user/personal"))["info"]!;
        Assert.Equal("张三", (string?)info["name"]);
        Assert.Equal(2, (int)info["gender"]!);
        Assert.Equal(1, (long)info["city"]!);

        Assert.Equal(0, Err(await client.Post("/user/logout")));
        Assert.Equal(2, Err(await client.Get("/user/personal")));
        // Other sessions of the account live on.
        client.Token = registrationToken;
        Assert.Equal(0, Err(await client.Get("/user/personal")));
    }

    [Fact]
    public async Task The_session_cookie_works_without_a_header()
    {
        var client = NewClient();
        var phone = AccountTestKit.NewPhone();
        await client.SignUp(phone);
        using var login = await client.Http.PostAsJsonAsync("/user/login", new { mode = 2, type = 4, phone, password = "secret-pass-1" });
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("mmx_token=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/user/personal");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(0, Err(await ApiFactory.ReadJson(response)));
    }

    [Fact]
    public async Task Unknown_account_and_wrong_password_get_the_same_err_8()
    {
        var client = NewClient();
        var phone = AccountTestKit.NewPhone();
        await client.SignUp(phone);

        var wrong = await client.LogIn(phone, password: "not-the-password");
        var unknown = await client.LogIn(AccountTestKit.NewPhone());
        var unknownAccount = await client.Post("/user/login", new { mode = 1, type = 4, account = "987654321", password = "whatever1" });
        Assert.Equal(8, Err(wrong));
        Assert.Equal(8, Err(unknown));
        Assert.Equal(8, Err(unknownAccount));
        Assert.Equal((string?)wrong["msg"], (string?)unknown["msg"]);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_login_with_err_7()
    {
        var client = NewClient();
        var phone = AccountTestKit.NewPhone();
        await client.SignUp(phone);
        for (var i = 0; i < 5; i++) Assert.Equal(8, Err(await client.LogIn(phone, password: $"wrong-{i}-pass")));
        Assert.Equal(7, Err(await client.LogIn(phone)));
    }

    [Fact]
    public async Task A_password_reset_ends_sessions_the_front_remembers_at_once()
    {
        var client = NewClient();
        var phone = AccountTestKit.NewPhone();
        await client.SignUp(phone);
        await client.VerifyPhone(phone); // (may move the test clock past the cache period)
        // Used twice: the second answer comes from the front's session cache.
        Assert.Equal(0, Err(await client.Get("/user/personal")));
        Assert.Equal(0, Err(await client.Get("/user/personal")));
        Assert.True(api.Services.GetRequiredService<SessionCache>().Count > 0);

        // The reset closes the account's sessions inside the grains, not through this front's
        // logout route: the revocation announcement is what reaches the cache.
        Assert.Equal(0, Err(await client.Post("/user/resetpw", new { phone, password = "new-secret-2" })));
        Assert.Equal(2, Err(await client.Get("/user/personal")));
    }

    [Fact]
    public async Task Register_reset_and_bind_need_a_verified_phone()
    {
        var client = NewClient();
        var phone = AccountTestKit.NewPhone();
        Assert.Equal(10, Err(await client.Post("/user/register", new { phone, password = "secret-pass-1" })));
        await client.SignUp(phone);
        // A verified client learns that the number is taken; the ticket is still good for a reset.
        await client.VerifyPhone(phone);
        Assert.Equal(5, Err(await client.Post("/user/register", new { phone, password = "secret-pass-1" })));
        Assert.Equal(0, Err(await client.Post("/user/resetpw", new { phone, password = "new-secret-2" })));
        Assert.Equal(10, Err(await client.Post("/user/resetpw", new { phone, password = "new-secret-3" })));
        Assert.Equal(8, Err(await client.LogIn(phone)));
        Assert.Equal(0, Err(await client.LogIn(phone, password: "new-secret-2")));

        // Moving the account to another number needs proof of the current one (here the password).
        var newPhone = AccountTestKit.NewPhone();
        Assert.Equal(10, Err(await client.Post("/user/bindphone", new { phone = newPhone })));
        await client.VerifyPhone(newPhone);
        Assert.Equal(10, Err(await client.Post("/user/bindphone", new { phone = newPhone })));
        Assert.Equal(8, Err(await client.Post("/user/bindphone", new { phone = newPhone, password = "wrong-pass-0" })));
        Assert.Equal(0, Err(await client.Post("/user/bindphone", new { phone = newPhone, password = "new-secret-2" })));
        Assert.Equal(newPhone, (string?)(await client.Get("/user/personal"))["info"]!["phone"]);
        Assert.Equal(0, Err(await client.LogIn(newPhone, password: "new-secret-2")));
        Assert.Equal(8, Err(await client.LogIn(phone, password: "new-secret-2")));
    }

    [Fact]
    public async Task Addresses_through_the_routes()
    {
        var client = NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var added = await client.Put("/user/address", new { name = $"收件人{i}", phone = "13900139000", address = "深圳市南山区科技园", postcode = "518057" });
            Assert.Equal(0, Err(added));
            ids.Add((long)added["addrID"]!);
        }
        Assert.Equal(6, Err(await client.Put("/user/address", new { name = "five", phone = "13900139000", address = "x", postcode = "518057" })));

        var list = (await client.Get("/user/address"))["addressList"]!.AsArray();
        Assert.Equal(4, list.Count);
        Assert.Equal(1, (int)list[0]!["default"]!);
        foreach (var field in new[] { "addrID", "name", "phone", "address", "postcode", "default" }) Assert.NotNull(list[0]![field]);

        Assert.Equal(0, Err(await client.Post("/user/address", new { addrID = ids[1], name = "改名", phone = "13900139001", address = "广州", postcode = "510000" })));
        Assert.Equal(0, Err(await client.Post("/user/address/default", new { addrID = ids[1] })));
        Assert.Equal(0, Err(await client.Delete("/user/address", new { addrID = ids[0] })));
        list = (await client.Get("/user/address"))["addressList"]!.AsArray();
        Assert.Equal(3, list.Count);
        var changed = Assert.Single(list, a => (long)a!["addrID"]! == ids[1])!;
        Assert.Equal("改名", (string?)changed["name"]);
        Assert.Equal(1, (int)changed["default"]!);

        // Another user's address id: err 4, nothing changes.
        var other = NewClient();
        await other.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(4, Err(await other.Delete("/user/address", new { addrID = ids[1] })));
        Assert.Equal(4, Err(await other.Post("/user/address", new { addrID = ids[2], name = "x", phone = "13900139000", address = "x", postcode = "518057" })));
        Assert.Equal(3, (await client.Get("/user/address"))["addressList"]!.AsArray().Count);
    }

    [Fact]
    public async Task Ten_concurrent_address_puts_leave_exactly_four()
    {
        var client = NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            client.Put("/user/address", new { name = $"n{i}", phone = "13900139000", address = "深圳", postcode = "518057" })));

        Assert.Equal(4, answers.Count(a => Err(a) == 0));
        Assert.Equal(6, answers.Count(a => Err(a) == 6));
        var list = (await client.Get("/user/address"))["addressList"]!.AsArray();
        Assert.Equal(4, list.Count);
        Assert.Single(list, a => (int)a!["default"]! == 1);
    }

    [Fact]
    public async Task Feedback_and_an_admin_reply()
    {
        var client = NewClient();
        var accId = await client.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, Err(await client.Post("/user/feedback", new { feedback = "附近的店太少了" })));
        var reply = await client.Send(HttpMethod.Post, "/admin/feedback/reply", new { uid = accId, content = "我们正在增加" }, admin: true);
        Assert.Equal(0, Err(reply));
        Assert.Equal(4, Err(await client.Send(HttpMethod.Post, "/admin/feedback/reply", new { uid = 999_999_999, content = "x" }, admin: true)));
        Assert.Equal(3, Err(await client.Post("/admin/feedback/reply", new { uid = accId, content = "no key" })));

        var list = (await client.Get("/user/feedback?offset=0&count=10"))["feedList"]!.AsArray();
        Assert.Equal(2, list.Count);
        Assert.Equal("我们正在增加", (string?)list[0]!["content"]);
        Assert.Equal(2, (int)list[0]!["direction"]!);
        Assert.Equal(1, (int)list[1]!["direction"]!);
        Assert.NotNull(list[0]!["time"]);
    }

    [Theory]
    [InlineData("GET", "/user/personal")]
    [InlineData("POST", "/user/personal")]
    [InlineData("POST", "/user/logout")]
    [InlineData("POST", "/user/bindphone")]
    [InlineData("GET", "/user/address")]
    [InlineData("PUT", "/user/address")]
    [InlineData("POST", "/user/address")]
    [InlineData("DELETE", "/user/address")]
    [InlineData("POST", "/user/address/default")]
    [InlineData("GET", "/user/feedback")]
    [InlineData("POST", "/user/feedback")]
    public async Task Session_routes_answer_err_2_without_a_live_session(string method, string url)
    {
        var client = NewClient();
        // Even a malformed body is not looked at before the session.
        Assert.Equal(2, Err(await client.Send(new HttpMethod(method), url, "{not json")));
        client.Token = "garbage-token";
        Assert.Equal(2, Err(await client.Send(new HttpMethod(method), url, new { })));
    }

    [Theory]
    [InlineData("/user/gencode", """{"phone":"12345"}""", 1)]
    [InlineData("/user/gencode", """{"phone":"23800138000"}""", 1)]
    [InlineData("/user/gencode", """{}""", 1)]
    [InlineData("/user/gencode", """{"phone":13800138000,"phone":13800138001}""", 1)]
    [InlineData("/user/vercode", """{"phone":"13800138000","code":"12ab56"}""", 1)]
    [InlineData("/user/vercode", """{"phone":"13877776666","code":"123456"}""", 9)]
    [InlineData("/user/register", """{"phone":"13800138000","password":"short"}""", 1)]
    [InlineData("/user/register", """{"phone":"13800138000"}""", 1)]
    [InlineData("/user/login", """{"mode":2,"type":3,"phone":"13800138000","password":"secret-pass-1"}""", 1)]
    [InlineData("/user/login", """{"mode":3,"type":4,"email":"a@b.c","password":"secret-pass-1"}""", 11)]
    [InlineData("/user/login", """{"mode":9,"type":4,"password":"secret-pass-1"}""", 1)]
    [InlineData("/user/login", """{"mode":1,"type":4,"account":"abc","password":"secret-pass-1"}""", 1)]
    [InlineData("/user/login", """{"mode":2,"type":4,"phone":"13800138000"}""", 1)]
    [InlineData("/user/login", """{"mode":"two","type":4,"phone":"13800138000","password":"x"}""", 1)]
    [InlineData("/user/resetpw", """{"phone":"1380013800","password":"secret-pass-1"}""", 1)]
    public async Task Bad_account_input_gets_the_contracts_err(string url, string json, int err)
    {
        using var response = await api.CreateClient().PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(err, Err(await ApiFactory.ReadJson(response)));
    }

    [Fact]
    public async Task Bad_profile_and_address_input_is_err_1_and_changes_nothing()
    {
        var client = NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        var before = (await client.Get("/user/personal"))["info"]!.ToJsonString();

        Assert.Equal(1, Err(await client.Post("/user/personal", new { attr = 5, name = "x" })));
        Assert.Equal(1, Err(await client.Post("/user/personal", new { attr = 1, name = "" })));
        Assert.Equal(1, Err(await client.Post("/user/personal", new { attr = 1, name = new string('名', 33) })));
        Assert.Equal(1, Err(await client.Post("/user/personal", new { attr = 2, portrait = "javascript:alert(1)" })));
        Assert.Equal(1, Err(await client.Post("/user/personal", new { attr = 3, gender = 3 })));
        Assert.Equal(1, Err(await client.Post("/user/personal", new { attr = 4, city = 424242 })));
        Assert.Equal(before, (await client.Get("/user/personal"))["info"]!.ToJsonString());

        Assert.Equal(1, Err(await client.Put("/user/address", new { name = "a", phone = "13900139000", address = "x", postcode = "51805" })));
        Assert.Equal(1, Err(await client.Put("/user/address", new { name = "a", phone = "021-1234567", address = "x", postcode = "518057" })));
        Assert.Equal(1, Err(await client.Put("/user/address", new { name = "a", phone = "13900139000", address = new string('x', 129), postcode = "518057" })));
        Assert.Equal(1, Err(await client.Post("/user/feedback", new { feedback = new string('x', 1001) })));
        Assert.Empty((await client.Get("/user/address"))["addressList"]!.AsArray());
        Assert.Empty((await client.Get("/user/feedback"))["feedList"]!.AsArray());
    }

    [Fact]
    public async Task Sms_outbox_needs_the_admin_key()
    {
        var client = NewClient();
        Assert.Equal(3, Err(await client.Get("/admin/sms?phone=13800138000")));
    }
}
