using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.Hardening;

/// <summary>
/// The smaller holes: a cross-site GET that changes the portrait by cookie alone, the most common
/// passwords (typed or as the apps' MD5), sessions that lived forever by being used.
/// </summary>
public sealed class SmallHolesTests(SmallHolesTests.Api api) : IClassFixture<SmallHolesTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    [Fact]
    public async Task A_cross_site_get_with_the_cookie_alone_cannot_change_the_portrait()
    {
        // The browser keeps the session cookie of its login; a link on another site sends it along.
        var browser = api.NewClient();
        var accId = await browser.SignUp(AccountTestKit.NewPhone());
        var token = browser.Token;
        browser.Token = null;
        var link = $"/userweb/quickmodifyimg?user_id={accId}&url=https://evil.test/x.png";
        Assert.Equal(3, Err(await browser.Get(link)));
        Assert.Equal(3, Err(await browser.Get("/userweb/imgupload?url=https://evil.test/x.png")));
        browser.Token = token;
        Assert.Equal("", (string?)(await browser.Get("/user/personal"))["info"]!["portrait"]);
        // With the header (an app) it works, and so does the web client's PUT with its cookie.
        Assert.Equal(0, Err(await browser.Get($"/userweb/quickmodifyimg?user_id={accId}&url=https://img.test/a.png")));
        browser.Token = null;
        Assert.Equal(0, Err(await browser.Put("/userweb/quickmodifyimg", new { user_id = accId, url = "https://img.test/b.png" })));
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("Password")]
    [InlineData("woaini1314")]
    [InlineData("E10ADC3949BA59ABBE56E057F20F883E")]
    [InlineData("e10adc3949ba59abbe56e057f20f883e")]
    public async Task The_most_common_passwords_are_refused_at_sign_up_and_reset(string password)
    {
        var client = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        await client.VerifyPhone(phone);
        Assert.Equal(1, Err(await client.Post("/user/register", new { phone, password })));
        Assert.Equal(0, Err(await client.Post("/user/register", new { phone, password = Md5Upper("miao-Pass-2016") })));
        await client.VerifyPhone(phone);
        Assert.Equal(1, Err(await client.Post("/user/resetpw", new { phone, password })));
    }

    [Fact]
    public async Task A_session_ends_180_days_after_login_however_often_it_is_used()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        for (var day = 0; day < 175; day += 25)
        {
            api.Clock.Advance(TimeSpan.FromDays(25));
            Assert.Equal(0, Err(await client.Get("/user/personal")));
        }
        api.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(2, Err(await client.Get("/user/personal")));
    }
}
