using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;
using Data = Mmx.Tests.ShippedClients.ShippedClientCatalogue;

namespace Mmx.Tests.ShippedClients;

/// <summary>
/// The app's shipped clients, replayed as their code sends requests, against the embedded API:
/// sign-up and login from iOS and the web with one account, the profile and addresses, shops and
/// search, fans, friends (invite by m-mcode, decline), the QR card and the change-phone flow.
/// </summary>
public sealed class ShippedClientFlowTests(ShippedClientFlowTests.Api api) : IClassFixture<ShippedClientFlowTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    [Fact]
    public async Task An_account_made_on_ios_logs_in_from_ios_and_from_the_web()
    {
        var phone = AccountTestKit.NewPhone();
        await IosSignUp(api.NewClient(), phone, "miao-Pass-2016");

        var ios = await api.NewClient().Literal(HttpMethod.Post, "/user/login", IosPhoneLogin(phone, "miao-Pass-2016"), IosAgent);
        Assert.Equal(0, Err(ios));
        var web = await api.NewClient().Literal(HttpMethod.Post, "/user/login", WebLogin(phone, "miao-Pass-2016"), BrowserAgent);
        Assert.Equal(0, Err(web));
        Assert.Equal((long)ios["accID"]!, (long)web["accID"]!);

        // Not a blanket pass: the wrong password is still wrong, whatever its case.
        var wrong = await api.NewClient().Literal(HttpMethod.Post, "/user/login", WebLogin(phone, "other-Pass-2018"), BrowserAgent);
        Assert.Equal(8, Err(wrong));
    }

    [Fact]
    public async Task The_web_logs_in_by_m_mcode_and_numbers_that_are_no_numbers_stay_err_1()
    {
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "bear-Pass-2017");
        var mcode = (long)(await client.Get("/user/personal"))["info"]!["mcode"]!;

        Assert.Equal(0, Err(await api.NewClient().Literal(HttpMethod.Post, "/user/login", WebLogin($"m{mcode}", "bear-Pass-2017"))));
        Assert.Equal(1, Err(await api.NewClient().Literal(HttpMethod.Post, "/user/login",
            """{"mode":"two","type":"4","phone":"13800138000","password":"x"}""")));
        Assert.Equal(1, Err(await api.NewClient().Literal(HttpMethod.Post, "/user/login",
            """{"mode":"2.5","type":"4","phone":"13800138000","password":"x"}""")));
    }

    [Fact]
    public async Task Profile_edits_take_string_numbers_and_empty_strings_as_absent()
    {
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
        Assert.Equal(0, Err(await client.Literal(HttpMethod.Post, "/user/personal", """{"attr":"3","gender":"2"}""", IosAgent)));
        Assert.Equal(0, Err(await client.Literal(HttpMethod.Post, "/user/personal", """{"attr":"1","name":"小熊","gender":"","city":""}""", IosAgent)));
        var info = (await client.Get("/user/personal"))["info"]!;
        Assert.Equal("小熊", (string?)info["name"]);
        Assert.Equal(2, (int)info["gender"]!);
        Assert.Equal(1, Err(await client.Literal(HttpMethod.Post, "/user/personal", """{"attr":"3","gender":"female"}""", IosAgent)));
    }

    [Fact]
    public async Task Addresses_take_an_empty_postcode_and_a_partial_update_changes_only_what_it_names()
    {
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
        var added = await client.Literal(HttpMethod.Put, "/user/address",
            """{"name":"张三","phone":"13912345678","address":"南山区科技园1号","postcode":""}""", IosAgent);
        Assert.Equal(0, Err(added));
        var id = (long)added["addrID"]!;

        Assert.Equal(0, Err(await client.Literal(HttpMethod.Post, "/user/address", $$"""{"addrID":"{{id}}","address":"福田区2号"}""", IosAgent)));
        var address = Assert.Single((await client.Get("/user/address"))["addressList"]!.AsArray())!;
        Assert.Equal("福田区2号", (string?)address["address"]);
        Assert.Equal("张三", (string?)address["name"]);
        Assert.Equal("13912345678", (string?)address["phone"]);
        Assert.Equal("", (string?)address["postcode"]);
        Assert.Equal(1, Err(await client.Literal(HttpMethod.Post, "/user/address", $$"""{"addrID":{{id}},"postcode":"12"}""")));
    }

    [Fact]
    public async Task The_shop_page_friend_tabs_and_search_get_100_a_page_all_categories_and_an_empty_name()
    {
        await Data.Import(api);
        var all = await api.NewClient().Get($"/user/shop?city={Data.City}&category=0&offset=0&count=100");
        Assert.Equal(0, Err(all));
        Assert.Equal(3, all["shopList"]!.AsArray().Count);
        Assert.Equal(3, (int)all["total_num"]!);

        var search = await api.NewClient().Get($"/user/shop/search?city={Data.City}&name=&offset=0&count=100");
        Assert.Equal(3, search["shopList"]!.AsArray().Count);
        Assert.Equal(3, (int)search["total_num"]!);

        var firstPage = await api.NewClient().Get($"/user/shop?city={Data.City}&category=0&offset=0&count=2");
        Assert.Equal(2, firstPage["shopList"]!.AsArray().Count);
        Assert.Equal(3, (int)firstPage["total_num"]!);
        Assert.Equal(1, Err(await api.NewClient().Get($"/user/shop?city={Data.City}&count=101")));

        var activities = await api.NewClient().Get($"/user/activity?city={Data.City}&offset=0&count=100");
        Assert.Equal(1, (int)activities["count"]!);
    }

    [Fact]
    public async Task Goods_lists_answer_name_and_pic_and_goods_info_counts_who_saved_it()
    {
        await Data.Import(api);
        var goods = (await api.NewClient().Get($"/user/goods?sid={Data.Uniqlo}&offset=0&count=100"))["goodsList"]![0]!;
        Assert.Equal("羽绒外套", (string?)goods["name"]);

        var saver = api.NewClient();
        await IosSignUp(saver, AccountTestKit.NewPhone(), "miao-Pass-2016");
        var before = (int)(await api.NewClient().Get($"/user/goods/info?gid={Data.Tee}"))["info"]!["attention_count"]!;
        Assert.Equal(0, Err(await saver.Post($"/user/goods/concern?gid={Data.Tee}")));
        Assert.Equal(0, Err(await saver.Post($"/user/goods/concern?gid={Data.Tee}")));
        Assert.Equal(before + 1, (int)(await api.NewClient().Get($"/user/goods/info?gid={Data.Tee}"))["info"]!["attention_count"]!);
        await saver.Delete($"/user/goods/concern?gid={Data.Tee}");
        Assert.Equal(before, (int)(await api.NewClient().Get($"/user/goods/info?gid={Data.Tee}"))["info"]!["attention_count"]!);

        var web = await api.NewClient().Get($"/userweb/shopgoods/{Data.Uniqlo},{Data.TeeWorkshop}?count=1");
        var shops = web["shops"]!.AsArray();
        Assert.Equal(2, shops.Count);
        var item = Assert.Single(shops[0]!["goods"]!.AsArray())!;
        Assert.Equal("羽绒外套", (string?)item["name"]);
        Assert.Equal("https://img.test/g1.png", (string?)item["pic"]);
        Assert.Equal(1700000000, (long)item["time"]!);
    }

    [Fact]
    public async Task Fans_take_string_id_lists_and_fans_info_without_sid_is_an_empty_list()
    {
        await Data.Import(api);
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
        Assert.Equal(0, Err(await client.Post($"/user/shop/concern?sid={Data.Uniqlo}")));

        var diff = await client.Literal(HttpMethod.Post, "/user/fans/diff", $$"""{"shopIDs":["{{Data.Other}}"]}""", IosAgent);
        Assert.Equal(0, Err(diff));
        Assert.Equal([Data.Uniqlo], diff["addShopIDs"]!.AsArray().Select(n => (long)n!));
        Assert.Equal([Data.Other], diff["delShopIDs"]!.AsArray().Select(n => (long)n!));

        var none = await client.Get("/user/fans/info");
        Assert.Equal(0, Err(none));
        Assert.Empty(none["shopList"]!.AsArray());
        Assert.Equal(1, Err(await client.Literal(HttpMethod.Post, "/user/fans/diff", """{"shopIDs":["x1"]}""")));
    }

    [Fact]
    public async Task Friends_invite_by_m_mcode_and_accept_0_declines()
    {
        var inviter = api.NewClient();
        var inviterId = await IosSignUp(inviter, AccountTestKit.NewPhone(), "miao-Pass-2016");
        var invitee = api.NewClient();
        var inviteeId = await IosSignUp(invitee, AccountTestKit.NewPhone(), "miao-Pass-2016");
        var mcode = (long)(await invitee.Get("/user/personal"))["info"]!["mcode"]!;

        var found = await inviter.Get($"/userweb/search/m{mcode}");
        Assert.Equal(inviteeId, (long)Assert.Single(found["users"]!.AsArray())!["user_id"]!);
        Assert.Equal(inviteeId, (long)found["user_id"]!);

        Assert.Equal(0, Err(await inviter.Literal(HttpMethod.Post, "/user/friend/invite",
            $$"""{"mode":"2","mcode":"m{{mcode}}","remark":"同事"}""", IosAgent)));
        Assert.Equal(inviterId, (long)Assert.Single((await invitee.Get("/user/friend/invite"))["inviteList"]!.AsArray())!["uid"]!);

        Assert.Equal(0, Err(await invitee.Post($"/user/friend/accept?uid={inviterId}&accept=0")));
        Assert.Empty((await invitee.Get("/user/friend/invite"))["inviteList"]!.AsArray());
        Assert.Empty((await inviter.Post("/user/friend/diff", new { frdIDs = Array.Empty<long>() }))["addFrdIDs"]!.AsArray());
        Assert.Empty((await invitee.Post("/user/friend/diff", new { frdIDs = Array.Empty<long>() }))["addFrdIDs"]!.AsArray());
        Assert.Equal(3, Err(await inviter.Get($"/user/friend/private?uid={inviteeId}")));
        // Declined is gone: accepting it afterwards finds nothing.
        Assert.Equal(4, Err(await invitee.Post($"/user/friend/accept?uid={inviterId}")));

        // Accepting still accepts.
        Assert.Equal(0, Err(await inviter.Post("/user/friend/invite", new { mode = 3, userID = inviteeId, remark = "" })));
        Assert.Equal(0, Err(await invitee.Post($"/user/friend/accept?uid={inviterId}&accept=1")));
        Assert.Equal(0, Err(await inviter.Get($"/user/friend/private?uid={inviteeId}")));
    }

    [Fact]
    public async Task The_change_phone_flow_verifies_the_old_phone_then_binds_the_new_one()
    {
        var client = api.NewClient();
        var oldPhone = AccountTestKit.NewPhone();
        var accId = await IosSignUp(client, oldPhone, "miao-Pass-2016");
        await client.VerifyPhone(oldPhone);
        var newPhone = AccountTestKit.NewPhone();

        Assert.Equal(0, Err(await client.Literal(HttpMethod.Post, "/user/bindphone", $$"""{"phone":"{{newPhone}}"}""", IosAgent)));
        Assert.Equal(newPhone, (string?)(await client.Get("/user/personal"))["info"]!["phone"]);
        var login = await api.NewClient().Literal(HttpMethod.Post, "/user/login", IosPhoneLogin(newPhone, "miao-Pass-2016"), IosAgent);
        Assert.Equal(accId, (long)login["accID"]!);
        Assert.Equal(8, Err(await api.NewClient().Literal(HttpMethod.Post, "/user/login", IosPhoneLogin(oldPhone, "miao-Pass-2016"), IosAgent)));
    }

    [Fact]
    public async Task Sms_codes_can_be_sent_again_after_30_seconds_as_the_apps_countdown()
    {
        var client = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, Err(await client.Literal(HttpMethod.Post, "/user/gencode", $$"""{"phone":"{{phone}}"}""", IosAgent)));
        api.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(7, Err(await client.Literal(HttpMethod.Post, "/user/gencode", $$"""{"phone":"{{phone}}"}""", IosAgent)));
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, Err(await client.Literal(HttpMethod.Post, "/user/gencode", $$"""{"phone":"{{phone}}"}""", IosAgent)));
    }

    [Fact]
    public async Task Quickmodifyimg_takes_the_web_clients_put_and_answers_the_url_and_v2_failures_say_is_success_false()
    {
        var client = api.NewClient();
        var accId = await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
        var changed = await client.Literal(HttpMethod.Put, "/userweb/quickmodifyimg",
            $$"""{"user_id":"{{accId}}","url":"https://img.test/me.png"}""", BrowserAgent);
        Assert.Equal(0, Err(changed));
        Assert.Equal("https://img.test/me.png", (string?)changed["url"]);
        Assert.Equal("https://img.test/me.png", (string?)(await client.Get("/user/personal"))["info"]!["portrait"]);

        var refused = await client.Literal(HttpMethod.Put, "/userweb/quickmodifyimg", """{"user_id":1,"url":"https://img.test/x.png"}""");
        Assert.Equal(3, Err(refused));
        Assert.False((bool)refused["is_success"]!);
        Assert.Null((await client.Get("/user/personal"))["is_success"]);
    }
}
