using System.Text.Json.Nodes;
using Data = Mmx.Tests.ShippedClients.ShippedClientCatalogue;

namespace Mmx.Tests.Api;

/// <summary>
/// Leaving the app: /user/export answers everything held about the caller; /user/delete (with the
/// password) erases it so that no friend, shop or goods item shows a trace, frees the phone, and
/// retires the accID and mcode.
/// </summary>
public sealed class AccountDeletionTests(AccountDeletionTests.Api api) : IClassFixture<AccountDeletionTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private async Task<(ApiClient Client, long Id, string Phone)> Member()
    {
        var client = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        return (client, await client.SignUp(phone), phone);
    }

    private static async Task Befriend(ApiClient a, long aId, ApiClient b, long bId)
    {
        Assert.Equal(0, Err(await a.Post("/user/friend/invite", new { mode = 3, userID = bId, remark = "朋友" })));
        Assert.Equal(0, Err(await b.Post($"/user/friend/accept?uid={aId}")));
    }

    [Fact]
    public async Task Export_then_delete_leaves_no_trace_a_friend_shop_or_goods_can_read()
    {
        await Data.Import(api);
        var (leaver, leaverId, phone) = await Member();
        var (friend, friendId, _) = await Member();
        var (invitee, inviteeId, _) = await Member();
        var (inviter, inviterId, _) = await Member();
        await Befriend(leaver, leaverId, friend, friendId);
        Assert.Equal(0, Err(await leaver.Post("/user/friend/invite", new { mode = 3, userID = inviteeId, remark = "我的邀请" })));
        Assert.Equal(0, Err(await inviter.Post("/user/friend/invite", new { mode = 3, userID = leaverId, remark = "" })));
        Assert.Equal(0, Err(await leaver.Put("/user/address", new { name = "张三", phone = "13912345678", address = "南山区1号", postcode = "518057" })));
        Assert.Equal(0, Err(await leaver.Post("/user/feedback", new { feedback = "再见" })));
        Assert.Equal(0, Err(await leaver.Post($"/user/shop/concern?sid={Data.Uniqlo}")));
        Assert.Equal(0, Err(await leaver.Post($"/user/goods/concern?gid={Data.Coat}")));
        Assert.Equal(0, Err(await leaver.Post($"/user/shop/enter?sid={Data.Uniqlo}")));
        var mcode = (long)(await leaver.Get("/user/personal"))["info"]!["mcode"]!;
        var fans = (int)(await api.NewClient().Get($"/user/shop/info?sid={Data.Uniqlo}"))["info"]!["fans"]!;
        var savers = (int)(await api.NewClient().Get($"/user/goods/info?gid={Data.Coat}"))["info"]!["attention_count"]!;

        var export = await leaver.Get("/user/export");
        Assert.Equal(0, Err(export));
        Assert.Equal(phone, (string?)export["info"]!["phone"]);
        Assert.Equal("南山区1号", (string?)export["addressList"]![0]!["address"]);
        Assert.Equal("再见", (string?)export["feedList"]![0]!["content"]);
        Assert.Equal(friendId, (long)export["friendList"]![0]!["userID"]!);
        Assert.Equal(inviterId, (long)export["inviteList"]![0]!["uid"]!);
        Assert.Contains(inviteeId, export["invitedList"]!.AsArray().Select(n => (long)n!));
        Assert.Equal(Data.Uniqlo, (long)export["fansList"]![0]!["shopID"]!);
        Assert.Equal(Data.Coat, (long)export["goodsList"]![0]!["goodsID"]!);
        Assert.Equal(Data.Uniqlo, (long)export["shopList"]![0]!["id"]!);

        // A wrong password erases nothing.
        Assert.Equal(8, Err(await leaver.Post("/user/delete", new { password = "not-my-password" })));
        Assert.Equal(0, Err(await leaver.Get("/user/personal")));

        Assert.Equal(0, Err(await leaver.Post("/user/delete", new { password = "secret-pass-1" })));

        Assert.Equal(2, Err(await leaver.Get("/user/personal")));
        Assert.Equal(8, Err(await api.NewClient().LogIn(phone)));
        Assert.Empty((await friend.Post("/user/friend/diff", new { frdIDs = Array.Empty<long>() }))["addFrdIDs"]!.AsArray());
        // The account is gone: not a stranger (err 3) but nobody (err 4).
        Assert.Equal(4, Err(await friend.Get($"/user/friend/private?uid={leaverId}")));
        Assert.DoesNotContain((await invitee.Get("/user/friend/invite"))["inviteList"]!.AsArray(), i => (long)i!["uid"]! == leaverId);
        Assert.Equal(4, Err(await inviter.Post($"/user/friend/accept?uid={leaverId}")));
        var shop = (await api.NewClient().Get($"/user/shop/info?sid={Data.Uniqlo}"))["info"]!;
        Assert.Equal(fans - 1, (int)shop["fans"]!);
        Assert.Equal(0, (int)shop["customers"]!);
        Assert.Equal(savers - 1, (int)(await api.NewClient().Get($"/user/goods/info?gid={Data.Coat}"))["info"]!["attention_count"]!);
        Assert.Empty((await friend.Get($"/user/info?uid={leaverId}"))["userList"]!.AsArray());
        using (var card = await api.CreateClient().GetAsync($"/user/{leaverId}")) Assert.Equal(System.Net.HttpStatusCode.NotFound, card.StatusCode);
        Assert.Equal(4, Err(await friend.Get($"/userweb/search/m{mcode}")));

        // The number is free again: a new account, with a new accID and mcode.
        var (_, newId, _) = await NewOwner(phone);
        Assert.NotEqual(leaverId, newId);
    }

    private async Task<(ApiClient, long, string)> NewOwner(string phone)
    {
        var client = api.NewClient();
        return (client, await client.SignUp(phone, "another-pass-5"), phone);
    }

    [Fact]
    public async Task A_third_party_account_is_erased_and_its_identity_starts_afresh()
    {
        await using var trusting = new ApiFactory(settings: new Dictionary<string, string> { ["Mmx:ThirdParty:TrustOpenId"] = "true" });
        var client = trusting.NewClient();
        var openID = $"qq-{Guid.NewGuid():N}";
        var first = await client.Post("/user/login", new { mode = 4, type = 4, openID });
        client.Token = (string)first["token"]!;
        Assert.Equal(0, Err(await client.Post("/user/delete", new { })));
        var again = await trusting.NewClient().Post("/user/login", new { mode = 4, type = 4, openID });
        Assert.Equal(0, Err(again));
        Assert.Equal(1, (int)again["isReg"]!);
        Assert.NotEqual((long)first["accID"]!, (long)again["accID"]!);
    }
}
