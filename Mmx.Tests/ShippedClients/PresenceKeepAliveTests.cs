using static Mmx.Tests.ShippedClients.ShippedClientRequests;
using Data = Mmx.Tests.ShippedClients.ShippedClientCatalogue;

namespace Mmx.Tests.ShippedClients;

/// <summary>
/// Presence as the shipped iOS app behaves: it never polls /user/shop/customer, so its requests
/// about the shop it is in keep it counted, and a poll after a lapse counts it again (fake clock).
/// </summary>
public sealed class PresenceKeepAliveTests(PresenceKeepAliveTests.Api api) : IClassFixture<PresenceKeepAliveTests.Api>
{
    public sealed class Api : ApiFactory;

    /// <summary>The count as anyone else sees it (an anonymous shop info keeps nobody counted).</summary>
    private async Task<long> Customers(long shop) =>
        (long)(await api.NewClient().Get($"/user/shop/info?sid={shop}"))["info"]!["customers"]!;

    private async Task<ApiClient> InShop(long shop)
    {
        await Data.Import(api);
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
        Assert.Equal(0, (int)(await client.Post($"/user/shop/enter?sid={shop}"))["err"]!);
        return client;
    }

    [Fact]
    public async Task Shop_info_requests_alone_keep_an_ios_user_counted_for_15_minutes()
    {
        var client = await InShop(Data.Uniqlo);
        var before = await Customers(Data.Uniqlo);
        for (var minute = 0; minute < 15; minute += 5)
        {
            api.Clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(0, (int)(await client.Literal(HttpMethod.Get, $"/user/shop/info?sid={Data.Uniqlo}", null, IosAgent))["err"]!);
        }
        Assert.Equal(before, await Customers(Data.Uniqlo));
        // Goods and activities of the shop count as word from the user too.
        api.Clock.Advance(TimeSpan.FromMinutes(8));
        await client.Get($"/user/goods?sid={Data.Uniqlo}");
        api.Clock.Advance(TimeSpan.FromMinutes(8));
        await client.Get($"/user/shop/activity?sid={Data.Uniqlo}");
        Assert.Equal(before, await Customers(Data.Uniqlo));

        // Silence drops the user after 10 minutes, as before.
        api.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(before - 1, await Customers(Data.Uniqlo));
    }

    [Fact]
    public async Task A_poll_after_a_lapse_counts_the_user_again_until_they_leave()
    {
        var client = await InShop(Data.TeeWorkshop);
        var before = await Customers(Data.TeeWorkshop);
        api.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(before - 1, await Customers(Data.TeeWorkshop));

        Assert.Equal(before, (long)(await client.Get($"/user/shop/customer?sid={Data.TeeWorkshop}"))["count"]!);
        Assert.Equal(before, await Customers(Data.TeeWorkshop));

        // Entering another shop leaves this one: a later request about it counts nobody back.
        Assert.Equal(0, (int)(await client.Post($"/user/shop/enter?sid={Data.Other}"))["err"]!);
        Assert.Equal(before - 1, await Customers(Data.TeeWorkshop));
        await client.Get($"/user/shop/info?sid={Data.TeeWorkshop}");
        Assert.Equal(before - 1, (long)(await client.Get($"/user/shop/customer?sid={Data.TeeWorkshop}"))["count"]!);

        // And one who exited is not counted again by a poll.
        Assert.Equal(0, (int)(await client.Post($"/user/shop/exit?sid={Data.Other}"))["err"]!);
        var otherCount = await Customers(Data.Other);
        await client.Get($"/user/shop/customer?sid={Data.Other}");
        Assert.Equal(otherCount, await Customers(Data.Other));
    }

    [Fact]
    public async Task Someone_who_never_entered_is_not_counted_by_asking()
    {
        await Data.Import(api);
        var client = api.NewClient();
        await IosSignUp(client, AccountTestKit.NewPhone(), "miao-Pass-2016");
        var before = await Customers(Data.Other);
        await client.Get($"/user/shop/info?sid={Data.Other}");
        await client.Get($"/user/shop/customer?sid={Data.Other}");
        Assert.Equal(before, await Customers(Data.Other));
    }
}
