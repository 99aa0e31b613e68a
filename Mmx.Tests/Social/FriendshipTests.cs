using Mmx.Api.Access;
using Mmx.Api.Social;
using Mmx.Grains.Accounts;
using Mmx.Grains.ShopLife;
using Mmx.Grains.Social;

namespace Mmx.Tests.Social;

/// <summary>Friendships and privacy rules on the two-silo cluster.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class FriendshipTests(TwoSiloCluster fixture)
{
    private readonly IClusterClient _grains = fixture.Client;
    // A copy never started (version -1): the id set alone decides, as before the copy loads.
    private readonly Mmx.Api.Lookups.KnownIds _known = new(fixture.Client, new Mmx.Api.Lookups.CatalogueCopy(fixture.Client, Microsoft.Extensions.Logging.Abstractions.NullLogger<Mmx.Api.Lookups.CatalogueCopy>.Instance));
    private IFriendshipGrain Pair(long a, long b) => _grains.GetGrain<IFriendshipGrain>(FriendshipKey.Of(a, b));
    private IUserSocialGrain Social(long u) => _grains.GetGrain<IUserSocialGrain>(u);

    private async Task<bool> Lists(long who, long whom) => (await Social(who).Friends()).Any(f => f.FriendId == whom);

    private async Task<(long A, long B)> TwoUsers() =>
        (await AccountTestKit.Register(_grains), await AccountTestKit.Register(_grains));

    [Fact]
    public async Task An_accepted_invitation_makes_both_sides_friends()
    {
        var (a, b) = await TwoUsers();
        Assert.Equal(Err.Ok, await Pair(a, b).Invite(a, b, "我是小A"));
        var invitation = Assert.Single(await Social(b).Invitations());
        Assert.Equal((a, "我是小A"), (invitation.From, invitation.Remark));
        Assert.False(await Lists(a, b));
        Assert.Equal(Err.NotFound, await Pair(a, b).Accept(a, b)); // the inviter cannot accept their own

        Assert.Equal(Err.Ok, await Pair(a, b).Accept(b, a));
        Assert.True(await Lists(a, b));
        Assert.True(await Lists(b, a));
        Assert.Empty(await Social(b).Invitations());
        Assert.Equal(Err.Ok, await Pair(a, b).Accept(b, a)); // a retried accept is fine
        Assert.Equal(Err.AlreadyExists, await Pair(a, b).Invite(a, b, ""));
        Assert.Equal(FriendshipStatus.Friends, await Pair(a, b).Status());
    }

    [Fact]
    public async Task Mutual_invitations_make_friends_at_once()
    {
        var (a, b) = await TwoUsers();
        Assert.Equal(Err.Ok, await Pair(a, b).Invite(a, b, "hi"));
        Assert.Equal(Err.Ok, await Pair(a, b).Invite(b, a, "hi too"));
        Assert.True(await Lists(a, b));
        Assert.True(await Lists(b, a));
        Assert.Empty(await Social(a).Invitations());
        Assert.Empty(await Social(b).Invitations());
    }

    [Fact]
    public async Task Racing_mutual_invites_and_double_accepts_end_in_whole_friendships()
    {
        var pairs = new List<(long A, long B)>();
        for (var i = 0; i < 20; i++) pairs.Add(await TwoUsers());

        // Half the pairs invite each other at the same moment; the other half have one invitation
        // accepted by the invitee while the inviter invites back.
        await Task.WhenAll(pairs.Select(async (p, i) =>
        {
            if (i % 2 == 0)
            {
                var results = await Task.WhenAll(Pair(p.A, p.B).Invite(p.A, p.B, ""), Pair(p.A, p.B).Invite(p.B, p.A, ""));
                Assert.All(results, r => Assert.Equal(Err.Ok, r));
            }
            else
            {
                await Pair(p.A, p.B).Invite(p.A, p.B, "");
                var results = await Task.WhenAll(Pair(p.A, p.B).Accept(p.B, p.A), Pair(p.A, p.B).Invite(p.B, p.A, ""), Pair(p.A, p.B).Accept(p.B, p.A));
                Assert.All(results, r => Assert.True(r is Err.Ok or Err.AlreadyExists, $"{r}"));
            }
        }));

        foreach (var (a, b) in pairs)
        {
            Assert.Equal(FriendshipStatus.Friends, await Pair(a, b).Status());
            Assert.Equal([b], (await Social(a).Friends()).Select(f => f.FriendId));
            Assert.Equal([a], (await Social(b).Friends()).Select(f => f.FriendId));
            Assert.Empty(await Social(a).Invitations());
            Assert.Empty(await Social(b).Invitations());
        }
    }

    [Fact]
    public async Task Unfriending_ends_both_sides()
    {
        var (a, b) = await TwoUsers();
        await Pair(a, b).Invite(a, b, "");
        await Pair(a, b).Accept(b, a);

        Assert.Equal(Err.Ok, await Pair(a, b).Unfriend(b, a));
        Assert.False(await Lists(a, b));
        Assert.False(await Lists(b, a));
        Assert.Equal(Err.NotFound, await Pair(a, b).Unfriend(a, b));
        // And they can become friends again.
        Assert.Equal(Err.Ok, await Pair(a, b).Invite(b, a, "again"));
        Assert.Equal(Err.Ok, await Pair(a, b).Accept(a, b));
        Assert.True(await Lists(a, b) && await Lists(b, a));
    }

    [Fact]
    public async Task Both_sides_agree_at_every_moment_while_friendships_change()
    {
        var (a, b) = await TwoUsers();
        var pair = Pair(a, b);
        using var stop = new CancellationTokenSource();
        var checks = 0;
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var before = await pair.Status();
                var aListsB = await Lists(a, b);
                var bListsA = await Lists(b, a);
                var after = await pair.Status();
                if (before == after && before is FriendshipStatus.None or FriendshipStatus.Invited or FriendshipStatus.Friends)
                {
                    Assert.Equal(aListsB, bListsA);
                    Assert.Equal(before == FriendshipStatus.Friends, aListsB);
                    checks++;
                }
            }
        });

        for (var round = 0; round < 20; round++)
        {
            Assert.Equal(Err.Ok, await pair.Invite(a, b, ""));
            await Task.Delay(5);
            Assert.Equal(Err.Ok, await pair.Accept(b, a));
            await Task.Delay(5);
            Assert.Equal(Err.Ok, await pair.Unfriend(a, b));
            await Task.Delay(5);
        }
        stop.Cancel();
        await watcher;
        Assert.True(checks > 10, $"only {checks} consistent observations");
    }

    [Fact]
    public async Task Remarks_are_per_viewer_and_only_for_friends()
    {
        var (a, b) = await TwoUsers();
        var stranger = await AccountTestKit.Register(_grains);
        await Pair(a, b).Invite(a, b, "");
        await Pair(a, b).Accept(b, a);

        Assert.Equal(Err.Ok, await Social(a).SetRemark(b, "老同学"));
        Assert.Equal("老同学", (await Social(a).Friends()).Single(f => f.FriendId == b).Remark);
        Assert.Equal("", (await Social(b).Friends()).Single(f => f.FriendId == a).Remark);
        Assert.Equal(Err.Forbidden, await Social(a).SetRemark(stranger, "x"));
    }

    [Fact]
    public async Task Privacy_rules_stranger_friend_with_switch_off_and_on()
    {
        var (a, b) = await TwoUsers();
        var stranger = await AccountTestKit.Register(_grains);
        await Pair(a, b).Invite(a, b, "");
        await Pair(a, b).Accept(b, a);
        Func<PrivacySettings, bool>[] switches = [p => p.FavoriteEnable, p => p.FansEnable, p => p.VisitEnable];

        // Strangers see nothing of b; a friend sees what b shares; oneself sees everything.
        var denied = await Assert.ThrowsAsync<Mmx.Api.Errors.ApiException>(() => FriendAccess.RequireFriend(_grains, _known, stranger, b));
        Assert.Equal(Err.Forbidden, denied.Err);
        await FriendAccess.RequireFriend(_grains, _known, a, b);
        await FriendAccess.RequireFriend(_grains, _known, b, b);
        var unknown = await Assert.ThrowsAsync<Mmx.Api.Errors.ApiException>(() => FriendAccess.RequireFriend(_grains, _known, a, 999_999_999));
        Assert.Equal(Err.NotFound, unknown.Err);

        foreach (var shared in switches)
        {
            await FriendAccess.RequireShared(_grains, _known, a, b, shared);
            await Assert.ThrowsAsync<Mmx.Api.Errors.ApiException>(() => FriendAccess.RequireShared(_grains, _known, stranger, b, shared));
        }

        await Social(b).ChangePrivacy(new PrivacyChange { FavoriteEnable = false, VisitEnable = false });
        var off = await Assert.ThrowsAsync<Mmx.Api.Errors.ApiException>(() => FriendAccess.RequireShared(_grains, _known, a, b, switches[0]));
        Assert.Equal(Err.Forbidden, off.Err);
        await FriendAccess.RequireShared(_grains, _known, a, b, switches[1]);
        await Assert.ThrowsAsync<Mmx.Api.Errors.ApiException>(() => FriendAccess.RequireShared(_grains, _known, a, b, switches[2]));
        await FriendAccess.RequireShared(_grains, _known, b, b, switches[0]);

        // Ending the friendship ends the access.
        await Pair(a, b).Unfriend(a, b);
        await Assert.ThrowsAsync<Mmx.Api.Errors.ApiException>(() => FriendAccess.RequireShared(_grains, _known, a, b, switches[1]));
    }

    [Fact]
    public async Task The_bulk_lookup_allowance_refills_by_the_clock()
    {
        var social = Social(await AccountTestKit.Register(_grains));
        for (var i = 0; i < UserSocialGrain.BulkLookupsPerWindow; i++) Assert.Equal(Err.Ok, await social.TryTakeBulkLookup(10));
        Assert.Equal(Err.TooManyRequests, await social.TryTakeBulkLookup(10));
        TestClock.Instance.Advance(UserSocialGrain.BulkLookupWindow);
        Assert.Equal(Err.Ok, await social.TryTakeBulkLookup(10));
    }

    /// <summary>Security round three, point 7: one account classified 5,000 numbers a minute, every minute.</summary>
    [Fact]
    public async Task Phone_book_look_ups_have_a_daily_ceiling_of_numbers()
    {
        var social = Social(await AccountTestKit.Register(_grains));
        Assert.Equal(Err.Ok, await social.TryTakeBulkLookup(1000));
        TestClock.Instance.Advance(UserSocialGrain.BulkLookupWindow);
        Assert.Equal(Err.Ok, await social.TryTakeBulkLookup(1000));
        TestClock.Instance.Advance(UserSocialGrain.BulkLookupWindow);
        Assert.Equal(Err.TooManyRequests, await social.TryTakeBulkLookup(1));
        // The next day (Asia/Shanghai) the allowance is whole again.
        TestClock.Instance.Advance(TimeSpan.FromDays(1));
        Assert.Equal(Err.Ok, await social.TryTakeBulkLookup(1000));
    }

    /// <summary>Security round three, point 7: invitations by phone answered which numbers are members, without limit.</summary>
    [Fact]
    public async Task Invitations_have_a_daily_allowance()
    {
        var social = Social(await AccountTestKit.Register(_grains));
        for (var i = 0; i < UserSocialGrain.InvitationsPerDay; i++) Assert.Equal(Err.Ok, await social.TryTakeInvitation(null));
        Assert.Equal(Err.TooManyRequests, await social.TryTakeInvitation(null));
        TestClock.Instance.Advance(TimeSpan.FromDays(1));
        Assert.Equal(Err.Ok, await social.TryTakeInvitation(null));
    }
}
