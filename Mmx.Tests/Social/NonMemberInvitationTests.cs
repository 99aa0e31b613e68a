using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Mmx.Grains.Accounts;
using Mmx.Grains.Social;

namespace Mmx.Tests.Social;

/// <summary>
/// Invitations of people who are not members (contract: "Invitations of people who are not
/// members"; security round three, point 7): invite mode 1 and /userweb/sendinvite2 answer a
/// stranger's number as they answer a member's, send it one SMS invitation in 30 days, and keep the
/// invitation for whoever signs up with the number. Before, a free number was answered err 4.
/// </summary>
public sealed class NonMemberInvitationTests(NonMemberInvitationTests.Api api) : IClassFixture<NonMemberInvitationTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<(ApiClient Client, long Id, long Mcode, string Phone)> Member()
    {
        var client = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        var id = await client.SignUp(phone);
        var mcode = (long)(await client.Get("/user/personal"))["info"]!["mcode"]!;
        return (client, id, mcode, phone);
    }

    private async Task<SmsMessage[]> Outbox(string phone) =>
        [.. await api.Services.GetRequiredService<IGrainFactory>().GetGrain<ISmsOutboxGrain>(phone).Recent()];

    [Fact]
    public async Task A_free_number_is_answered_like_a_members_gets_one_sms_and_the_invitation_waits_for_its_sign_up()
    {
        var (first, firstId, firstMcode, _) = await Member();
        var (second, secondId, _, _) = await Member();
        var (_, _, _, memberPhone) = await Member();
        var stranger = AccountTestKit.NewPhone();

        var toStranger = await first.Post("/user/friend/invite", new { mode = 1, phone = stranger, remark = "我是老大" });
        var toMember = await second.Post("/user/friend/invite", new { mode = 1, phone = memberPhone, remark = "" });
        // Nothing in the answer tells a member's number from a stranger's.
        Assert.Equal(toMember.ToJsonString(), toStranger.ToJsonString());
        Assert.Equal((0, 1), (Err(toStranger), (int)toStranger["sms"]!));

        var sms = Assert.Single(await Outbox(stranger));
        Assert.Contains(firstMcode.ToString(), sms.Text);
        Assert.DoesNotContain("我是老大", sms.Text);
        Assert.Equal("", sms.Code);

        // A second inviter within 30 days: the invitation is kept, no second SMS.
        Assert.Equal(0, Err(await second.Post("/user/friend/invite", new { mode = 1, phone = stranger, remark = "二号" })));
        Assert.Single(await Outbox(stranger));

        // The number signs up: both invitations are there, with their remarks, and can be answered.
        var invitee = api.NewClient();
        var inviteeId = await invitee.SignUp(stranger);
        var invitations = (await invitee.Get("/user/friend/invite"))["inviteList"]!.AsArray();
        Assert.Equal(new[] { (firstId, "我是老大"), (secondId, "二号") }.OrderBy(i => i.Item1),
            invitations.Select(i => ((long)i!["uid"]!, (string)i["remark"]!)).OrderBy(i => i.Item1));
        Assert.Equal(0, Err(await invitee.Post($"/user/friend/accept?uid={firstId}")));
        Assert.Contains((await first.Post("/user/friend/diff", new { frdIDs = Array.Empty<long>() }))["addFrdIDs"]!.AsArray(), f => (long)f! == inviteeId);
    }

    [Fact]
    public async Task A_number_gets_another_sms_invitation_only_after_30_days()
    {
        var (inviter, _, _, _) = await Member();
        var stranger = AccountTestKit.NewPhone();
        Assert.Equal(0, Err(await inviter.Post("/user/friend/invite", new { mode = 1, phone = stranger, remark = "" })));
        api.Clock.Advance(PhoneInvitationsGrain.SmsEvery - TimeSpan.FromHours(1));
        Assert.Equal(0, Err(await inviter.Post("/user/friend/invite", new { mode = 1, phone = stranger, remark = "" })));
        Assert.Single(await Outbox(stranger));
        api.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, Err(await inviter.Post("/user/friend/invite", new { mode = 1, phone = stranger, remark = "" })));
        Assert.Equal(2, (await Outbox(stranger)).Length);
    }

    /// <summary>The iOS phone-book page: sendinvite2 with {"phone"} (it opens its SMS composer with des), then invite mode 1.</summary>
    [Fact]
    public async Task Sendinvite2_as_the_ios_app_sends_it_never_makes_an_account_and_counts_a_number_once()
    {
        var (inviter, inviterId, _, _) = await Member();
        var stranger = AccountTestKit.NewPhone();
        var answer = await inviter.Literal(HttpMethod.Post, "/userweb/sendinvite2", $$"""{"phone":"{{stranger}}"}""");
        Assert.Equal((0, true, 1), (Err(answer), (bool)answer["is_success"]!, (int)answer["sms"]!));
        Assert.Contains(stranger, (string)answer["des"]!);
        Assert.DoesNotContain("密码", (string)answer["des"]!);
        Assert.Null(await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IPhoneGrain>(stranger).Owner());
        Assert.Single(await Outbox(stranger));

        // The app's following invite of the same number is not a second number of the day.
        Assert.Equal(0, Err(await inviter.Literal(HttpMethod.Post, "/user/friend/invite", $$"""{"mode":1,"phone":"{{stranger}}","remark":""}""")));
        for (var i = 1; i < UserSocialGrain.NumbersInvitedPerDay; i++)
            Assert.Equal(0, Err(await inviter.Post("/user/friend/invite", new { mode = 1, phone = AccountTestKit.NewPhone(), remark = "" })));
        // The day's numbers are used up, for a stranger's number and a member's alike.
        Assert.Equal(7, Err(await inviter.Post("/userweb/sendinvite2", new { phone = AccountTestKit.NewPhone() })));
        Assert.Equal(7, Err(await inviter.Post("/user/friend/invite", new { mode = 1, phone = AccountTestKit.NewPhone(), remark = "" })));
        // By id the invitations go on.
        var (_, otherId, _, _) = await Member();
        Assert.Equal(0, Err(await inviter.Post("/user/friend/invite", new { mode = 3, userID = otherId, remark = "" })));

        var invitee = api.NewClient();
        await invitee.SignUp(stranger);
        Assert.Equal(inviterId, (long)Assert.Single((await invitee.Get("/user/friend/invite"))["inviteList"]!.AsArray())!["uid"]!);
    }

    [Fact]
    public async Task An_inviter_who_left_before_the_sign_up_invites_nobody()
    {
        var (leaver, _, _, _) = await Member();
        var stranger = AccountTestKit.NewPhone();
        Assert.Equal(0, Err(await leaver.Post("/user/friend/invite", new { mode = 1, phone = stranger, remark = "" })));
        Assert.Equal(0, Err(await leaver.Post("/user/delete", new { password = "secret-pass-1" })));
        var invitee = api.NewClient();
        await invitee.SignUp(stranger);
        Assert.Empty((await invitee.Get("/user/friend/invite"))["inviteList"]!.AsArray());
    }
}
