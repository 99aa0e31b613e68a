using Mmx.Api.Access;
using Microsoft.Extensions.DependencyInjection;
using Mmx.Api.Accounts;
using Mmx.Grains.Accounts;
using Mmx.Grains.ShopLife;

namespace Mmx.Tests.Hardening;

/// <summary>
/// Made-up ids and tokens cost no grain activation each (issue 15, "Activation floods": 3,000
/// random requests made 5,000 activations): the front answers unknown shops, cities and accIDs
/// from its memory, mcodes from their index shards, malformed tokens before any grain, and only a
/// few unknown tokens per client address a minute.
/// </summary>
public sealed class ActivationFloodTests(ActivationFloodTests.Api api) : IClassFixture<ActivationFloodTests.Api>
{
    public sealed class Api() : ApiFactory(settings: new Dictionary<string, string>
    {
        ["Mmx:RateLimits:UnknownTokensPerAddressPerMinute"] = "5",
    });

    private IGrainFactory Grains => api.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The ids among these that have an activation anywhere in the cluster.</summary>
    private async Task<List<GrainId>> Activated(IEnumerable<IAddressable> grains)
    {
        var active = (await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Select(s => s.GrainId).ToHashSet();
        return [.. grains.Select(g => g.GetGrainId()).Where(active.Contains)];
    }

    [Fact]
    public async Task Made_up_shop_city_account_and_mcode_ids_are_refused_without_an_activation_each()
    {
        // Shops imported behind the front's back (straight into the grains) are found all the same.
        var doc = await ShopLife.ShopLifeTestKit.ImportShops(Grains, 9401);
        var shop = doc.Shops[0];
        var client = api.NewClient();
        Assert.Equal(0, (int)(await client.Get($"/user/shop/info?sid={shop.Id}"))["err"]!);
        Assert.Equal(0, (int)(await client.Get($"/user/shop?city={shop.City}"))["err"]!);

        var ids = Enumerable.Range(1, 40).Select(i => 7_300_000_000L + i * 7919).ToArray();
        var mcodes = Enumerable.Range(1, 40).Select(i => 900_000_000L + i * 7919).ToArray();
        foreach (var id in ids)
        {
            foreach (var url in new[] { $"/user/shop/info?sid={id}", $"/user/shop/name?sid={id}", $"/user/goods?sid={id}",
                         $"/user/shop/activity?sid={id}", $"/user/shop?city={id}", $"/user/activity?city={id}", $"/user/shop/recommend?city={id}" })
            {
                Assert.Equal(4, (int)(await client.Get(url))["err"]!);
            }
            using var card = await client.SendLiteral(HttpMethod.Get, $"/user/{id}", null);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, card.StatusCode);
        }
        foreach (var mcode in mcodes)
        {
            using var qr = await client.SendLiteral(HttpMethod.Get, $"/userweb/qcode/{mcode}.png", null);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, qr.StatusCode);
        }

        var perId = ids.SelectMany(id => new IAddressable[]
        {
            Grains.GetGrain<IShopGrain>(id), Grains.GetGrain<IShopLifeGrain>(id),
            Grains.GetGrain<ICityDirectoryGrain>(id), Grains.GetGrain<IUserGrain>(id),
        }).Concat(mcodes.Select(m => (IAddressable)Grains.GetGrain<IMcodeGrain>(m)));
        Assert.Empty(await Activated(perId));
    }

    [Fact]
    public async Task Malformed_tokens_reach_no_grain_and_unknown_ones_only_a_few_per_address()
    {
        var member = api.NewClient();
        member.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, "192.0.2.80");
        await member.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, (int)(await member.Get("/user/shop/visit"))["err"]!);

        string[] malformed = ["short", new string('a', 42) + "!", new string('b', 44), new string('c', 120)];
        foreach (var token in malformed)
        {
            var answer = await api.NewClient().Literal(HttpMethod.Get, "/user/shop/visit", null,
                ("Authorization", $"Bearer {token}"), (TestRemoteAddress.Header, "198.51.100.80"));
            Assert.Equal(2, (int)answer["err"]!);
        }
        Assert.Empty(await Activated(malformed.Select(t => Grains.GetGrain<ISessionGrain>(Sessions.HashOf(t)))));

        // Five unknown tokens from one address are asked about (err 2); after them, none is.
        var random = Enumerable.Range(0, 12).Select(_ => Sessions.NewToken()).ToArray();
        var answers = new List<(int Status, int Err)>();
        foreach (var token in random)
        {
            using var response = await api.NewClient().SendLiteral(HttpMethod.Get, "/user/shop/visit", null,
                ("Authorization", $"Bearer {token}"), (TestRemoteAddress.Header, "198.51.100.81"));
            answers.Add(((int)response.StatusCode, (int)(await ApiFactory.ReadJson(response))["err"]!));
        }
        Assert.All(answers.Take(5), a => Assert.Equal((200, 2), a));
        Assert.All(answers.Skip(5), a => Assert.Equal((429, 7), a));
        Assert.Empty(await Activated(random.Skip(5).Select(t => Grains.GetGrain<ISessionGrain>(Sessions.HashOf(t)))));

        // A public route serves such a request as anonymous; a session the front remembers still
        // works from that address; another address is not held.
        var shopList = await api.NewClient().Literal(HttpMethod.Get, "/user/city", null,
            ("Authorization", $"Bearer {Sessions.NewToken()}"), (TestRemoteAddress.Header, "198.51.100.81"));
        Assert.Equal(0, (int)shopList["err"]!);
        var remembered = await api.NewClient().Literal(HttpMethod.Get, "/user/shop/visit", null,
            ("Authorization", $"Bearer {member.Token}"), (TestRemoteAddress.Header, "198.51.100.81"));
        Assert.Equal(0, (int)remembered["err"]!);
        var elsewhere = await api.NewClient().Literal(HttpMethod.Get, "/user/shop/visit", null,
            ("Authorization", $"Bearer {Sessions.NewToken()}"), (TestRemoteAddress.Header, "198.51.100.82"));
        Assert.Equal(2, (int)elsewhere["err"]!);
    }

    /// <summary>Security round three, point 5: before, 1,000 such requests made 1,000 activations.</summary>
    [Fact]
    public async Task Signed_in_changes_with_made_up_ids_activate_no_grain_each()
    {
        var user = api.NewClient();
        var me = await user.SignUp(AccountTestKit.NewPhone());
        var ids = Enumerable.Range(1, 40).Select(i => 7_600_000_000L + i * 7919).ToArray();
        // Ids among the issued ones (other people) as well: the pair grain may be asked, but stays no longer.
        var near = Enumerable.Range(1, 10).Select(i => me - i).ToArray();
        foreach (var id in ids)
        {
            Assert.Equal(0, (int)(await user.Delete($"/user/shop/concern?sid={id}"))["err"]!);
            Assert.Equal(0, (int)(await user.Delete($"/user/goods/concern?gid={id}"))["err"]!);
            Assert.Equal(4, (int)(await user.Post($"/user/friend/accept?uid={id}"))["err"]!);
            Assert.Equal(4, (int)(await user.Delete($"/user/friend?uid={id}"))["err"]!);
        }
        foreach (var id in near) Assert.Equal(4, (int)(await user.Post($"/user/friend/accept?uid={id}"))["err"]!);
        var perId = ids.SelectMany(id => new IAddressable[]
        {
            Grains.GetGrain<IShopLifeGrain>(id), Grains.GetGrain<IGoodsSaversGrain>(id),
            Grains.GetGrain<Mmx.Grains.Social.IFriendshipGrain>(Mmx.Grains.Social.FriendshipKey.Of(me, id)),
        });
        Assert.Empty(await Activated(perId));
        await ShopLife.ShopLifeTestKit.Eventually(async () => (await Activated(near.Select(id =>
            (IAddressable)Grains.GetGrain<Mmx.Grains.Social.IFriendshipGrain>(Mmx.Grains.Social.FriendshipKey.Of(me, id))))).Count == 0,
            "the pair grains of ids near the user's deactivated");
    }
}
