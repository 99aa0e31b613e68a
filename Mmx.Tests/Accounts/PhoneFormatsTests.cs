using System.Text.Json.Nodes;
using Mmx.Api.Validation;

namespace Mmx.Tests.Accounts;

/// <summary>
/// A number as people write it is one number on every route that takes one (register, login,
/// invitations, the phone book, bindphone): libphonenumber reads it; what the number plan does not
/// know as a mainland mobile number is err 1.
/// </summary>
public sealed class PhoneFormatsTests(PhoneFormatsTests.Api api) : IClassFixture<PhoneFormatsTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private static string Spaced(string p) => $"+86 {p[..3]} {p[3..7]} {p[7..]}";
    private static string Dashed(string p) => $"{p[..3]}-{p[3..7]}-{p[7..]}";
    private static string Bracketed(string p) => $"(+86){p}";

    [Theory]
    [InlineData("+86 138 0013 8000")]
    [InlineData("138-0013-8000")]
    [InlineData("(+86)13800138000")]
    [InlineData("8613800138000")]
    [InlineData(" 138 0013 8000 ")]
    [InlineData("+86-138-0013-8000")]
    public void The_ways_of_writing_a_number_are_one_number(string written) => Assert.Equal("13800138000", Phone.Normalize(written));

    [Theory]
    [InlineData("12000000000")]   // no such mobile range
    [InlineData("02012345678")]   // a Guangzhou landline
    [InlineData("+1 650 253 0000")]
    [InlineData("1380013800")]    // 10 digits
    [InlineData("138001380000")]
    [InlineData("13800138000x")]
    [InlineData("")]
    public void What_is_not_a_mainland_mobile_number_is_none(string written) => Assert.Null(Phone.Normalize(written));

    [Fact]
    public async Task Sign_up_log_in_invite_and_the_phone_book_read_every_form()
    {
        var phone = AccountTestKit.NewPhone();
        var client = api.NewClient();
        Assert.Equal(0, Err(await client.Post("/user/gencode", new { phone = Spaced(phone) })));
        var code = await client.ReadCodeFromOutbox(phone);
        var verified = await client.Post("/user/vercode", new { phone = Bracketed(phone), code });
        Assert.Equal(0, Err(verified));
        var registered = await client.Post("/user/register", new { phone = Dashed(phone), password = "secret-pass-1" });
        Assert.Equal(0, Err(registered));

        Assert.Equal(0, Err(await api.NewClient().LogIn(Spaced(phone))));
        Assert.Equal(0, Err(await api.NewClient().LogIn(Bracketed(phone))));

        var friend = api.NewClient();
        var friendId = await friend.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, Err(await friend.Post("/user/friend/invite", new { mode = 1, phone = Dashed(phone), remark = "" })));
        Assert.Equal(friendId, (long)(await client.Get("/user/friend/invite"))["inviteList"]![0]!["uid"]!);
        var book = await friend.Post("/userweb/selectphones", new { phone_list = new[] { Spaced(phone) } });
        Assert.Equal(Spaced(phone), (string?)book["platform_notfriend"]![0]);

        Assert.Equal(1, Err(await api.NewClient().Post("/user/gencode", new { phone = "12000000000" })));
        Assert.Equal(1, Err(await api.NewClient().LogIn("12000000000")));
    }
}
