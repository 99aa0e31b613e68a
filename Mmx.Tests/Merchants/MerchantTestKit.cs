using System.Text.Json.Nodes;
using static Mmx.Tests.ShippedClients.ShippedClientRequests;

namespace Mmx.Tests.Merchants;

/// <summary>
/// The shipped merchant portal's requests (fd_web_cli views/platform and views/merchant) as the
/// merchant tests send them: its sign-up form, its shop page form, its login; and the operator's approval.
/// </summary>
public static class MerchantTestKit
{
    /// <summary>What the portal sends as the password: the hex MD5 of what was typed.</summary>
    public static readonly string Password = Md5Lower("portal-pass-42");
    private static int _nextShop;

    public sealed record Merchant(ApiClient Portal, long ShopId, string Account, string Phone, double Long, double Lat);

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    /// <summary>The portal's sign-up form for a shop named 门店{n} at a spot of its own.</summary>
    public static (string Account, string Json, double Long, double Lat) Form(string phone, string? account = null, long city = 1, string category = "[1, 11]")
    {
        var n = Interlocked.Increment(ref _nextShop);
        account ??= $"shop{Guid.NewGuid():N}"[..20];
        double lng = 113.70 + n * 0.0101, lat = 22.40 + n * 0.0097;
        var json = $$"""
            {"account":"{{account}}","password":"{{Password}}","contact_name":"王女士","contact_phone_no":"0755-86000000",
             "brand_name":"喵喵","shop_name":"门店{{n}}","business_hours":"10:00-22:00","telephone_no":"{{phone}}",
             "city_id":{{city}},"district_id":0,"business_area":"后海","address":"文心五路{{n}}号",
             "longitude":{{lng}},"latitude":{{lat}},"category_list":{{category}}}
            """;
        return (account, json, lng, lat);
    }

    /// <summary>The portal's shop page form (PUT /shop/{sid}; telephone_no is the shop's phone here). District 105 is 南山区 of city 1.</summary>
    public static string ShopForm(string name, double lng, double lat, string phone = "0755-86111111") => $$"""
        {"shop_name":"{{name}}","brand_name":"喵喵","business_hours":"09:00-21:00","telephone_no":"{{phone}}","city_id":1,
         "district_id":105,"business_area":"后海","address":"海德三道1号","longitude":{{lng}},"latitude":{{lat}},"category_list":["1"]}
        """;

    /// <summary>What the portal does before it posts the form: a code to telephone_no, checked on /basic/phonevalidate (the ticket lands in the cookie).</summary>
    public static async Task VerifyOnPhoneValidate(ApiFactory api, ApiClient portal, string phone)
    {
        api.Clock.Advance(Mmx.Grains.Accounts.PhoneGrain.ResendAfter);
        Assert.True((bool)(await portal.Literal(HttpMethod.Get, $"/basic/phonevalidate/{phone}", null, BrowserAgent))["is_success"]!);
        var code = await portal.ReadCodeFromOutbox(phone);
        Assert.True((bool)(await portal.Literal(HttpMethod.Post, $"/basic/phonevalidate/{phone}", $$"""{"code":"{{code}}"}""", BrowserAgent))["is_success"]!);
    }

    /// <summary>A merchant signed up through the portal (not logged in; the shop pending).</summary>
    public static async Task<Merchant> SignUp(ApiFactory api, long city = 1)
    {
        var portal = api.NewClient();
        var phone = AccountTestKit.NewPhone();
        await VerifyOnPhoneValidate(api, portal, phone);
        var (account, json, lng, lat) = Form(phone, city: city);
        var answer = await portal.Literal(HttpMethod.Post, "/merchant", json, BrowserAgent);
        Assert.Equal(0, Err(answer));
        Assert.True((bool)answer["is_success"]!, answer.ToJsonString());
        return new(portal, (long)answer["shop_id"]!, account, phone, lng, lat);
    }

    public static Task<JsonNode> LogIn(ApiClient portal, string account, string password) =>
        portal.Literal(HttpMethod.Post, "/merchant/login", $$"""{"account":"{{account}}","password":"{{password}}"}""", BrowserAgent);

    public static Task<JsonNode> Approve(ApiFactory api, long shopId, int days = 30, int quota = 5) =>
        api.NewClient().Send(HttpMethod.Post, $"/admin/merchant/{shopId}/approve", new { days, quota }, admin: true);

    /// <summary>A merchant signed up, logged in (the portal holds its cookie) and approved for 30 days.</summary>
    public static async Task<Merchant> LiveShop(ApiFactory api, long city = 1)
    {
        var merchant = await SignUp(api, city);
        Assert.Equal(0, Err(await LogIn(merchant.Portal, merchant.Account, Password)));
        Assert.Equal(0, Err(await Approve(api, merchant.ShopId)));
        return merchant;
    }

    /// <summary>The portal's goods form (POST /goods) as it posts it: prices as typed, pictures comma-joined, basic_info as JSON text.</summary>
    public static string GoodsForm(long shopId, string description, string? barcode = null, string price = "199", string promotion = "159", bool sendAll = false) => $$"""
        {"shop_id":{{shopId}},"category_id":11,"description":"{{description}}","detail":"夏季新款","bar_code":"{{barcode ?? ""}}",
         "brand_name":"喵喵","price":"{{price}}","promotion_price":"{{promotion}}",
         "pic_url_list":"https://img.example.com/a.jpg,https://img.example.com/b.jpg","remark":"手洗",
         "basic_info":"[{\"paramsName\":\"款式\",\"paramsValue\":\"宽松\"}]","is_sendall":{{(sendAll ? "true" : "false")}}}
        """;

    /// <summary>Publishes a goods item through the portal's form; answers its id.</summary>
    public static async Task<long> PublishGoods(ApiClient portal, long shopId, string description, string? barcode = null, bool sendAll = false)
    {
        var answer = await portal.Literal(HttpMethod.Post, "/goods", GoodsForm(shopId, description, barcode, sendAll: sendAll), BrowserAgent);
        Assert.True(Err(answer) == 0, answer.ToJsonString());
        return (long)answer["goods_id"]!;
    }
}
