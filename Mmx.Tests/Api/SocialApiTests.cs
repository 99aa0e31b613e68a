using System.Text.Json.Nodes;

namespace Mmx.Tests.Api;

/// <summary>The friends routes over HTTP against the embedded API.</summary>
public sealed class SocialApiTests(SocialApiTests.Api api) : IClassFixture<SocialApiTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private sealed record Person(ApiClient Client, long Id, string Phone, long Mcode);

    private async Task<Person> SignedUp(string? name = null)
    {
        var client = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        var id = await client.SignUp(phone);
        if (name is not null) Assert.Equal(0, Err(await client.Post("/user/personal", new { attr = 1, name })));
        var mcode = (long)(await client.Get("/user/personal"))["info"]!["mcode"]!;
        return new Person(client, id, phone, mcode);
    }

    private static async Task MakeFriends(Person a, Person b)
    {
        Assert.Equal(0, Err(await a.Client.Post("/user/friend/invite", new { mode = 3, userID = b.Id, remark = "hi" })));
        Assert.Equal(0, Err(await b.Client.Post($"/user/friend/accept?uid={a.Id}")));
    }

    [Fact]
    public async Task Two_clients_find_invite_accept_rename_and_unfriend()
    {
        var a = await SignedUp("小A");
        var b = await SignedUp("小B");

        var found = await a.Client.Get($"/userweb/search/{b.Phone}");
        Assert.Equal(b.Id, (long)found["user_id"]!);
        Assert.Equal("", (string?)found["phone_no"]);
        foreach (var f in new[] { "name", "gender", "birthday", "mcode", "qrcode", "email", "portrait_url", "city_id", "city_name" })
            Assert.NotNull(found[f]);
        Assert.Equal(b.Id, (long)(await a.Client.Get($"/userweb/search/{b.Mcode}"))["user_id"]!);

        Assert.Equal(0, Err(await a.Client.Post("/user/friend/invite", new { mode = 1, phone = b.Phone, remark = "我是小A" })));
        var invite = Assert.Single((await b.Client.Get("/user/friend/invite"))["inviteList"]!.AsArray())!;
        Assert.Equal(a.Id, (long)invite["uid"]!);
        Assert.Equal("小A", (string?)invite["nickName"]);
        Assert.Equal("我是小A", (string?)invite["remark"]);
        Assert.NotNull(invite["portrait"]);
        Assert.NotNull(invite["time"]);

        Assert.Equal(0, Err(await b.Client.Post($"/user/friend/accept?uid={a.Id}")));
        var diff = await a.Client.Post("/user/friend/diff", new { frdIDs = new long[] { 1 } });
        Assert.Equal([b.Id], diff["addFrdIDs"]!.AsArray().Select(x => (long)x!));
        Assert.Equal([1L], diff["delFrdIDs"]!.AsArray().Select(x => (long)x!));

        Assert.Equal(0, Err(await a.Client.Post("/user/friend/name", new { frdID = b.Id, rmkName = "B哥" })));
        var friend = Assert.Single((await a.Client.Get($"/user/friend?uid={b.Id}"))["frdList"]!.AsArray())!;
        Assert.Equal((b.Id, "B哥", "小B", b.Mcode), ((long)friend["frdID"]!, (string?)friend["rmkName"], (string?)friend["nickName"], (long)friend["mcode"]!));
        Assert.NotNull(friend["portrait"]);

        var renamed = await b.Client.Post($"/userweb/{b.Id}/friend/remark", new { friend_id = a.Id, remark = "阿A" });
        Assert.True((bool)renamed["is_success"]!);
        var bFriends = await b.Client.Get($"/userweb/{b.Id}/friends");
        Assert.Equal(1, (int)bFriends["total_num"]!);
        var card = Assert.Single(bFriends["friends"]!["A"]!.AsArray())!;
        Assert.Equal(("阿A", "小A", a.Phone), ((string?)card["friend_name"], (string?)card["name"], (string?)card["phone_no"]));
        Assert.Equal(a.Phone, (string?)(await b.Client.Get($"/userweb/search/{a.Phone}"))["phone_no"]);

        Assert.Equal(0, Err(await a.Client.Delete($"/user/friend?uid={b.Id}")));
        Assert.Empty((await b.Client.Post("/user/friend/diff", new { frdIDs = Array.Empty<long>() }))["addFrdIDs"]!.AsArray());
        Assert.Equal(4, Err(await a.Client.Delete($"/user/friend?uid={b.Id}")));
        Assert.Equal(3, Err(await a.Client.Get($"/user/friend?uid={b.Id}")));
    }

    [Fact]
    public async Task Invitation_errors()
    {
        var a = await SignedUp();
        var b = await SignedUp();
        Assert.Equal(1, Err(await a.Client.Post("/user/friend/invite", new { mode = 3, userID = a.Id })));
        Assert.Equal(4, Err(await a.Client.Post("/user/friend/invite", new { mode = 3, userID = 999_999_999 })));
        // A number without an account is answered as a member's (NonMemberInvitationTests).
        Assert.Equal(0, Err(await a.Client.Post("/user/friend/invite", new { mode = 1, phone = AccountTestKit.NewPhone() })));
        Assert.Equal(4, Err(await a.Client.Post("/user/friend/invite", new { mode = 2, mcode = "123456789" })));
        // Not 9 digits: a user id (the iOS stranger page sends "m" + the id), here of nobody.
        Assert.Equal(4, Err(await a.Client.Post("/user/friend/invite", new { mode = 2, mcode = "12345" })));
        Assert.Equal(1, Err(await a.Client.Post("/user/friend/invite", new { mode = 2, mcode = "m12x45" })));
        Assert.Equal(1, Err(await a.Client.Post("/user/friend/invite", new { mode = 4, userID = b.Id })));
        Assert.Equal(1, Err(await a.Client.Post("/user/friend/invite", new { mode = 3, userID = b.Id, remark = new string('x', 33) })));
        Assert.Equal(4, Err(await b.Client.Post($"/user/friend/accept?uid={a.Id}")));
        await MakeFriends(a, b);
        Assert.Equal(5, Err(await a.Client.Post("/user/friend/invite", new { mode = 2, mcode = b.Mcode.ToString() })));
    }

    [Fact]
    public async Task Friend_only_routes_for_a_stranger_a_friend_with_switches_off_and_on()
    {
        var owner = await SignedUp("主人");
        var friend = await SignedUp();
        var stranger = await SignedUp();
        await MakeFriends(owner, friend);
        Assert.Equal(0, Err(await owner.Client.Post("/user/shop/concern?sid=3")));
        Assert.Equal(0, Err(await owner.Client.Post("/user/goods/concern?gid=5")));
        Assert.Equal(0, Err(await owner.Client.Post("/user/shop/enter?sid=4")));

        string[] always = [$"/user/friend?uid={owner.Id}", $"/user/friend/private?uid={owner.Id}", $"/user/ffv/count?uid={owner.Id}"];
        string[] switched = [$"/user/friend/favorite?uid={owner.Id}", $"/user/friend/fans?uid={owner.Id}", $"/user/friend/visit?uid={owner.Id}"];
        foreach (var url in always.Concat(switched))
        {
            Assert.Equal(3, Err(await stranger.Client.Get(url)));
            Assert.Equal(0, Err(await friend.Client.Get(url)));
        }

        var favorite = Assert.Single((await friend.Client.Get(switched[0]))["goodsList"]!.AsArray())!;
        Assert.Equal(5, (long)favorite["id"]!);
        foreach (var f in new[] { "desc", "price", "promot", "pic" }) Assert.NotNull(favorite[f]);
        var fan = Assert.Single((await friend.Client.Get(switched[1]))["shopList"]!.AsArray())!;
        foreach (var f in new[] { "id", "name", "hasAct", "hasNew", "pic" }) Assert.NotNull(fan[f]);
        var visit = Assert.Single((await friend.Client.Get(switched[2]))["shopList"]!.AsArray())!;
        foreach (var f in new[] { "id", "name", "pic", "time" }) Assert.NotNull(visit[f]);
        var counts = (await friend.Client.Get(always[2]))["ffvCount"]!;
        Assert.Equal((1, 1, 1), ((int)counts["fans"]!, (int)counts["favorite"]!, (int)counts["visited"]!));

        Assert.Equal(0, Err(await owner.Client.Post("/user/setting/private", new { favoriteEnable = 0, fansEnable = 0, visitEnable = 0 })));
        var setting = (await friend.Client.Get(always[1]))["setting"]!;
        Assert.Equal((0, 0, 0), ((int)setting["favoriteEnable"]!, (int)setting["fansEnable"]!, (int)setting["visitEnable"]!));
        foreach (var url in switched) Assert.Equal(3, Err(await friend.Client.Get(url)));
        foreach (var url in always) Assert.Equal(0, Err(await friend.Client.Get(url)));
        // The owner always sees their own lists.
        Assert.Equal(0, Err(await owner.Client.Get(switched[0])));

        Assert.Equal(0, Err(await owner.Client.Post("/user/setting/private", new { fansEnable = 1 })));
        Assert.Equal(0, Err(await friend.Client.Get(switched[1])));
        Assert.Equal(3, Err(await friend.Client.Get(switched[0])));
        var own = (await owner.Client.Get("/user/setting/private"))["setting"]!;
        Assert.Equal((0, 1, 0), ((int)own["favoriteEnable"]!, (int)own["fansEnable"]!, (int)own["visitEnable"]!));
        Assert.Equal(1, Err(await owner.Client.Post("/user/setting/private", new { visitEnable = 2 })));
    }

    [Fact]
    public async Task Userweb_routes_act_only_for_the_logged_in_user()
    {
        var a = await SignedUp();
        var b = await SignedUp();
        await MakeFriends(a, b);
        Assert.Equal(3, Err(await a.Client.Get($"/userweb/{b.Id}/friends")));
        Assert.Equal(3, Err(await a.Client.Post($"/userweb/{b.Id}/friend/remark", new { friend_id = a.Id, remark = "x" })));
        Assert.Equal(3, Err(await a.Client.Get($"/userweb/{b.Id}/favorites")));
        Assert.Equal(3, Err(await a.Client.Post($"/userweb/{a.Id}/friend/remark", new { friend_id = 999_999_999, remark = "x" })));
    }

    [Fact]
    public async Task Friends_are_grouped_by_the_initial_of_their_display_name()
    {
        var me = await SignedUp();
        string[] names = ["张三", "李四", "王五", "欧阳娜娜", "曾小贤", "alice", "Bob", "9号", "😀"];
        foreach (var name in names) await MakeFriends(me, await SignedUp(name));

        var groups = (await me.Client.Get($"/userweb/{me.Id}/friends"))["friends"]!.AsObject();
        Assert.Equal(["A", "B", "L", "O", "W", "Z", "#"], groups.Select(g => g.Key));
        Assert.Equal(["张三", "曾小贤"], groups["Z"]!.AsArray().Select(c => (string)c!["friend_name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(2, groups["#"]!.AsArray().Count);
        Assert.Equal(names.Length, groups.Sum(g => g.Value!.AsArray().Count));
    }

    [Fact]
    public async Task Select_phones_classifies_a_phone_book()
    {
        var me = await SignedUp();
        var friend = await SignedUp();
        var member = await SignedUp();
        await MakeFriends(me, friend);
        var outsider = AccountTestKit.NewPhone();

        var answer = await me.Client.Post("/userweb/selectphones", new
        {
            phone = me.Phone,
            phone_list = new object[] { long.Parse(friend.Phone), member.Phone, outsider, "021-1234567", me.Phone },
        });
        Assert.Equal(0, Err(answer));
        Assert.Equal([long.Parse(friend.Phone)], answer["platform_friend"]!.AsArray().Select(x => (long)x!));
        Assert.Equal([member.Phone], answer["platform_notfriend"]!.AsArray().Select(x => (string)x!));
        Assert.Equal([outsider, "021-1234567"], answer["notplatform"]!.AsArray().Select(x => (string)x!));

        Assert.Equal(1, Err(await me.Client.Post("/userweb/selectphones", new { phone = me.Phone, phone_list = Enumerable.Range(0, 1001).Select(i => $"1390000{i:D4}") })));
        Assert.Equal(1, Err(await me.Client.Post("/userweb/selectphones", new { phone = me.Phone })));
    }

    [Fact]
    public async Task Select_phones_is_rate_limited_per_user()
    {
        var me = await SignedUp();
        var body = new { phone = me.Phone, phone_list = new[] { "13900000000" } };
        for (var i = 0; i < Mmx.Grains.Social.UserSocialGrain.BulkLookupsPerWindow; i++) Assert.Equal(0, Err(await me.Client.Post("/userweb/selectphones", body)));
        Assert.Equal(7, Err(await me.Client.Post("/userweb/selectphones", body)));
        api.Clock.Advance(Mmx.Grains.Social.UserSocialGrain.BulkLookupWindow);
        Assert.Equal(0, Err(await me.Client.Post("/userweb/selectphones", body)));
    }

    [Fact]
    public async Task User_info_shows_public_cards()
    {
        var a = await SignedUp("卡片");
        var b = await SignedUp();
        Assert.Equal(0, Err(await a.Client.Post("/user/personal", new { attr = 4, city = 2 })));
        var list = (await b.Client.Get($"/user/info?uid={a.Id}&uid=999999999"))["userList"]!.AsArray();
        var card = Assert.Single(list)!;
        Assert.Equal((a.Id, "卡片", "广州"), ((long)card["userID"]!, (string?)card["nickName"], (string?)card["city"]));
        Assert.NotNull(card["portrait"]);
    }

    [Theory]
    [InlineData("POST", "/user/friend/invite")]
    [InlineData("GET", "/user/friend/invite")]
    [InlineData("POST", "/user/friend/accept?uid=1")]
    [InlineData("DELETE", "/user/friend?uid=1")]
    [InlineData("POST", "/user/friend/diff")]
    [InlineData("GET", "/user/friend?uid=1")]
    [InlineData("POST", "/user/friend/name")]
    [InlineData("GET", "/user/friend/private?uid=1")]
    [InlineData("GET", "/user/friend/favorite?uid=1")]
    [InlineData("GET", "/user/friend/fans?uid=1")]
    [InlineData("GET", "/user/friend/visit?uid=1")]
    [InlineData("GET", "/user/info?uid=1")]
    [InlineData("GET", "/user/setting/private")]
    [InlineData("POST", "/user/setting/private")]
    [InlineData("GET", "/userweb/1/friends")]
    [InlineData("GET", "/userweb/search/13800138000")]
    [InlineData("POST", "/userweb/1/friend/remark")]
    [InlineData("POST", "/userweb/selectphones")]
    public async Task Social_routes_need_a_session(string method, string url) =>
        Assert.Equal(2, Err(await api.NewClient().Send(new HttpMethod(method), url, null)));
}
