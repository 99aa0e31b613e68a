using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.Merchants;

/// <summary>
/// The shipped portal's goods pages (fd_web_cli views/merchant/account/goods, forward mt/goods)
/// with its own bodies: publish, list, edit one field, shelve in bulk, delete, search; each step
/// visible to users through /user/goods and /user/goods/info at once.
/// </summary>
public sealed class MerchantGoodsTests(MerchantGoodsTests.Api api) : IClassFixture<MerchantGoodsTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    private static string Barcode() => "69" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999);

    private async Task<ApiClient> User()
    {
        var user = api.NewClient();
        await user.SignUp(AccountTestKit.NewPhone());
        return user;
    }

    private static async Task<long[]> OnSale(ApiClient user, long shopId) =>
        [.. (await user.Get($"/user/goods?sid={shopId}&offset=0&count=100"))["goodsList"]!.AsArray().Select(g => (long)g!["id"]!)];

    [Fact]
    public async Task Goods_published_shelved_edited_and_deleted_on_the_portal_reach_users_at_once()
    {
        var (portal, shopId, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        var user = await User();
        var barcode = Barcode();
        var dress = await MerchantTestKit.PublishGoods(portal, shopId, "棉麻连衣裙", barcode);
        Assert.True(dress >= Mmx.Grains.Merchants.IMerchantRecordIdGrain.FirstId);
        api.Clock.Advance(TimeSpan.FromSeconds(2));
        var shirt = await MerchantTestKit.PublishGoods(portal, shopId, "条纹衬衫");

        // Users see both, newest first, with the portal's fields.
        Assert.Equal([shirt, dress], await OnSale(user, shopId));
        var info = (await user.Get($"/user/goods/info?gid={dress}"))["info"]!;
        Assert.Equal("棉麻连衣裙", (string)info["desp"]!);
        Assert.Equal(199m, (decimal)info["price"]!);
        Assert.Equal(159m, (decimal)info["promot"]!);
        Assert.Equal("夏季新款", (string)info["detail"]!);
        Assert.Equal("手洗", (string)info["remark"]!);
        Assert.Equal(2, info["picList"]!.AsArray().Count);
        Assert.Equal("宽松", (string)info["basic"]![0]!["value"]!);
        Assert.Equal(dress, (long)(await user.Get($"/user/goods/info?barcode={barcode}"))["info"]!["id"]!);

        // The portal's own list: total, fields as it reads them.
        var list = await portal.Literal(HttpMethod.Get, $"/goods?shop_id={shopId}&offset=0&limit=10&status=1", null, BrowserAgent);
        Assert.Equal(0, Err(list));
        Assert.True((bool)list["is_success"]!);
        Assert.Equal(2, (int)list["total_num"]!);
        var listed = list["goods"]!.AsArray();
        Assert.Equal(shirt, (long)listed[0]!["goods_id"]!);
        Assert.Equal("宽松", (string)listed[1]!["basic_info"]![0]!["paramsValue"]!);
        Assert.Equal(barcode, (string)listed[1]!["bar_code"]!);

        // Off the shelf (the portal's single-item body): gone from users' list, listed under status 0.
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, "/goods/status", $$"""{"ids":[{{dress}}],"status":0}""", BrowserAgent)));
        Assert.Equal([shirt], await OnSale(user, shopId));
        var off = await portal.Get($"/goods?shop_id={shopId}&offset=0&limit=10&status=0");
        Assert.Equal(dress, (long)Assert.Single(off["goods"]!.AsArray())!["goods_id"]!);
        // And back on (the bulk body: ids comma-joined).
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, "/goods/status", $$"""{"ids":"{{dress}},{{shirt}}","status":1}""", BrowserAgent)));
        Assert.Equal(2, (await OnSale(user, shopId)).Length);

        // One field at a time, as the portal's goods page saves it: the rest stays.
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, $"/goods/{dress}", $$"""{"shop_id":{{shopId}},"promotion_price":"99.5"}""", BrowserAgent)));
        info = (await user.Get($"/user/goods/info?gid={dress}"))["info"]!;
        Assert.Equal(99.5m, (decimal)info["promot"]!);
        Assert.Equal("棉麻连衣裙", (string)info["desp"]!);
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Put, $"/goods/{dress}", $$"""{"shop_id":{{shopId}}}""", BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Put, $"/goods/{dress}", """{"price":"-3"}""", BrowserAgent)));

        // Search by description or barcode.
        var found = await portal.Get($"/goods/search?shop_id={shopId}&offset=0&limit=10&status=0,1&input=连衣");
        Assert.Equal(dress, (long)Assert.Single(found["goods"]!.AsArray())!["goods_id"]!);
        found = await portal.Get($"/goods/search?shop_id={shopId}&offset=0&limit=10&input={barcode[..6]}");
        Assert.Equal(dress, (long)Assert.Single(found["goods"]!.AsArray())!["goods_id"]!);

        // Deleted: unknown to users by id and by barcode, and the barcode is free for another item.
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Delete, $"/goods/{dress}", null, BrowserAgent)));
        Assert.Equal([shirt], await OnSale(user, shopId));
        Assert.Equal(4, Err(await user.Get($"/user/goods/info?gid={dress}")));
        Assert.Equal(4, Err(await user.Get($"/user/goods/info?barcode={barcode}")));
        Assert.Equal(4, Err(await portal.Get($"/goods/{dress}")));
        var again = await MerchantTestKit.PublishGoods(portal, shopId, "新连衣裙", barcode);
        Assert.Equal(again, (long)(await user.Get($"/user/goods/info?barcode={barcode}"))["info"]!["id"]!);
        // The portal's delete through the status route (status 2).
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, "/goods/status", $$"""{"ids":"{{again}}","status":2}""", BrowserAgent)));
        Assert.Equal(4, Err(await user.Get($"/user/goods/info?gid={again}")));
    }

    [Fact]
    public async Task Another_merchants_goods_answer_err_3_and_nothing_changes()
    {
        var (portal, shopId, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        var (other, otherShop, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        var mine = await MerchantTestKit.PublishGoods(portal, shopId, "我的商品");
        var theirs = await MerchantTestKit.PublishGoods(other, otherShop, "别人的商品");
        var user = await User();

        Assert.Equal(3, Err(await portal.Get($"/goods/{theirs}")));
        Assert.Equal(3, Err(await portal.Literal(HttpMethod.Put, $"/goods/{theirs}", """{"description":"冒名"}""", BrowserAgent)));
        Assert.Equal(3, Err(await portal.Literal(HttpMethod.Delete, $"/goods/{theirs}", null, BrowserAgent)));
        // A bulk change naming one goods item of another shop changes none.
        Assert.Equal(3, Err(await portal.Literal(HttpMethod.Put, "/goods/status", $$"""{"ids":[{{mine}},{{theirs}}],"status":0}""", BrowserAgent)));
        Assert.Equal(3, Err(await portal.Get($"/goods?shop_id={otherShop}&offset=0&limit=10")));
        Assert.Equal(3, Err(await portal.Literal(HttpMethod.Post, "/goods", MerchantTestKit.GoodsForm(otherShop, "冒名发布"), BrowserAgent)));
        Assert.Equal(3, Err(await portal.Get($"/goods/{theirs}/fans?offset=0&limit=10")));
        Assert.Equal([mine], await OnSale(user, shopId));
        Assert.Equal([theirs], await OnSale(user, otherShop));
        Assert.Equal("别人的商品", (string)(await user.Get($"/user/goods/info?gid={theirs}"))["info"]!["desp"]!);

        // Unknown goods: err 4; no merchant session: err 2; a pending shop cannot publish yet (err 3).
        Assert.Equal(4, Err(await portal.Get("/goods/987654321987")));
        Assert.Equal(2, Err(await user.Get($"/goods?shop_id={shopId}&offset=0&limit=10")));
        var pending = await MerchantTestKit.SignUp(api);
        Assert.Equal(0, Err(await MerchantTestKit.LogIn(pending.Portal, pending.Account, MerchantTestKit.Password)));
        Assert.Equal(3, Err(await pending.Portal.Literal(HttpMethod.Post, "/goods", MerchantTestKit.GoodsForm(pending.ShopId, "太早"), BrowserAgent)));
        // Bad input: err 1, nothing published.
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, "/goods", $$"""{"shop_id":{{shopId}},"price":"10"}""", BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, "/goods", $$"""{"shop_id":{{shopId}},"description":"x","price":"十元"}""", BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, "/goods", $$"""{"shop_id":{{shopId}},"description":"x","price":1,"pic_url_list":"not a url"}""", BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, "/goods", $$"""{"shop_id":{{shopId}},"description":"x","price":1,"basic_info":"{oops"}""", BrowserAgent)));
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Put, "/goods/status", $$"""{"ids":[{{mine}}],"status":7}""", BrowserAgent)));
        Assert.Equal(1, Err(await portal.Get($"/goods?shop_id={shopId}&offset=0&limit=1000")));
        Assert.Equal([mine], await OnSale(user, shopId));
        // A barcode another goods item holds: refused, nothing published.
        var barcode = Barcode();
        await MerchantTestKit.PublishGoods(other, otherShop, "有码", barcode);
        Assert.Equal(1, Err(await portal.Literal(HttpMethod.Post, "/goods", MerchantTestKit.GoodsForm(shopId, "撞码", barcode), BrowserAgent)));
        Assert.Equal([mine], await OnSale(user, shopId));
    }

    [Fact]
    public async Task Concurrent_edits_of_one_goods_item_lose_none()
    {
        var (portal, shopId, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        var goods = await MerchantTestKit.PublishGoods(portal, shopId, "并发商品");
        string[] edits =
        [
            """{"description":"改过的描述"}""", """{"detail":"改过的详情"}""", """{"remark":"改过的备注"}""",
            """{"brand_name":"改过的品牌"}""", """{"price":"300"}""", """{"promotion_price":"250"}""",
        ];
        var answers = await Task.WhenAll(edits.Select(body => portal.Literal(HttpMethod.Put, $"/goods/{goods}", body, BrowserAgent)));
        Assert.All(answers, a => Assert.Equal(0, Err(a)));
        var info = (await (await User()).Get($"/user/goods/info?gid={goods}"))["info"]!;
        Assert.Equal("改过的描述", (string)info["desp"]!);
        Assert.Equal("改过的详情", (string)info["detail"]!);
        Assert.Equal("改过的备注", (string)info["remark"]!);
        Assert.Equal("改过的品牌", (string)info["brandName"]!);
        Assert.Equal(300m, (decimal)info["price"]!);
        Assert.Equal(250m, (decimal)info["promot"]!);
    }

    [Fact]
    public async Task An_import_and_a_merchants_edit_of_one_goods_item_keep_the_newer_in_either_order()
    {
        var (portal, shopId, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        var goods = await MerchantTestKit.PublishGoods(portal, shopId, "原样");
        var user = await User();
        async Task<JsonNode> Shown() => (await user.Get($"/user/goods/info?gid={goods}"))["info"]!;
        string Import(string desp, long? updated)
        {
            var stamp = updated is { } u ? ",\"updated\":" + u : "";
            return $$"""{"goods":[{"id":{{goods}},"shop":{{shopId}},"desp":"{{desp}}","price":88,"time":1700000000{{stamp}}}]}""";
        }

        // An export made before the merchant's edit, imported after it: the edit stays.
        var before = api.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, $"/goods/{goods}", """{"description":"商家改的"}""", BrowserAgent)));
        Assert.Equal(0, Err(await api.Import(Import("旧导出", before))));
        Assert.Equal("商家改的", (string)(await Shown())["desp"]!);
        // An import made now is the newer: it wins, and the merchant's next edit starts from it.
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Err(await api.Import(Import("运营改的", null))));
        Assert.Equal("运营改的", (string)(await Shown())["desp"]!);
        api.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, Err(await portal.Literal(HttpMethod.Put, $"/goods/{goods}", """{"remark":"只改备注"}""", BrowserAgent)));
        var info = await Shown();
        Assert.Equal("运营改的", (string)info["desp"]!);
        Assert.Equal(88m, (decimal)info["price"]!);
        Assert.Equal("只改备注", (string)info["remark"]!);
    }

    [Fact]
    public async Task Goods_told_to_fans_reach_their_inbox_and_count_in_the_quota_and_savers_are_listed()
    {
        var (portal, shopId, _, _, _, _) = await MerchantTestKit.LiveShop(api);
        var fan = await User();
        Assert.Equal(0, Err(await fan.Post($"/user/shop/concern?sid={shopId}")));
        var answer = await portal.Literal(HttpMethod.Post, "/goods", MerchantTestKit.GoodsForm(shopId, "告诉粉丝的新品", sendAll: true), BrowserAgent);
        Assert.Equal(0, Err(answer));
        Assert.True((bool)answer["is_sendall"]!);
        var goods = (long)answer["goods_id"]!;
        await ShopLife.ShopLifeTestKit.Eventually(async () =>
            (await fan.Get("/user/message?offset=0&count=10"))["msgList"]!.AsArray().Any(m => ((string)m!["title"]!).Contains("告诉粉丝的新品")),
            "the fan's inbox has the new goods");
        Assert.Equal(4, (int)(await portal.Get($"/merchant/{shopId}/msgconfig"))["mass_remain_count"]!);

        Assert.Equal(0, Err(await fan.Post($"/user/goods/concern?gid={goods}")));
        var savers = await portal.Get($"/goods/{goods}/fans?details=0&offset=0&limit=10");
        Assert.Equal(1, (int)savers["total_num"]!);
        Assert.Single(savers["users"]!.AsArray());
        Assert.Equal(1, (int)(await portal.Get($"/goods?shop_id={shopId}&offset=0&limit=10"))["goods"]![0]!["favorite_num"]!);
    }
}
