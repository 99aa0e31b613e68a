using Mmx.Grains.Accounts;

namespace Mmx.Tests.Accounts;

/// <summary>Devices, sessions, addresses and feedback of the user grain (the login guard is LoginGuardGrainTests).</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class UserGrainTests(TwoSiloCluster fixture)
{
    private readonly IClusterClient _grains = fixture.Client;

    private static AddressFields Fields(string name) =>
        new() { Name = name, Phone = "13900139000", Street = "深圳市南山区", Postcode = "518057" };

    [Fact]
    public async Task Login_answers_the_previous_device()
    {
        var user = _grains.GetGrain<IUserGrain>(await AccountTestKit.Register(_grains));
        Assert.Equal("", (await user.CompleteLogin(AccountTestKit.Attempt("IMEI-A"))).Value);
        Assert.Equal("IMEI-A", (await user.CompleteLogin(AccountTestKit.Attempt("IMEI-B"))).Value);
        Assert.Equal("IMEI-B", (await user.CompleteLogin(AccountTestKit.Attempt("IMEI-C"))).Value);
    }

    [Fact]
    public async Task Sessions_close_for_good_and_expire_after_thirty_days_unused()
    {
        var accId = await AccountTestKit.Register(_grains);
        var user = _grains.GetGrain<IUserGrain>(accId);
        string Open() => Guid.NewGuid().ToString("N");
        var (closed, idle, busy) = (Open(), Open(), Open());
        foreach (var token in new[] { closed, idle, busy }) await user.OpenSession(token);

        await _grains.GetGrain<ISessionGrain>(closed).Close();
        Assert.Null(await _grains.GetGrain<ISessionGrain>(closed).Validate());
        await _grains.GetGrain<ISessionGrain>(closed).Open(accId);
        Assert.Null(await _grains.GetGrain<ISessionGrain>(closed).Validate());

        TestClock.Instance.Advance(TimeSpan.FromDays(20));
        Assert.Equal(accId, await _grains.GetGrain<ISessionGrain>(busy).Validate());
        TestClock.Instance.Advance(TimeSpan.FromDays(11));
        Assert.Equal(accId, await _grains.GetGrain<ISessionGrain>(busy).Validate());
        Assert.Null(await _grains.GetGrain<ISessionGrain>(idle).Validate());
        Assert.Null(await _grains.GetGrain<ISessionGrain>(Open()).Validate());
    }

    [Fact]
    public async Task Concurrent_adds_leave_exactly_four_addresses_the_first_the_default()
    {
        var user = _grains.GetGrain<IUserGrain>(await AccountTestKit.Register(_grains));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => user.AddAddress(Fields($"n{i}"))));

        Assert.Equal(UserGrain.MaxAddresses, results.Count(r => r.Err == Err.Ok));
        Assert.All(results.Where(r => r.Err != Err.Ok), r => Assert.Equal(Err.LimitReached, r.Err));
        var book = await user.GetAddresses();
        Assert.Equal(4, book.Addresses.Length);
        Assert.Equal(book.Addresses[0].Id, book.DefaultId);
    }

    [Fact]
    public async Task Another_users_address_id_is_not_found_and_changes_nothing()
    {
        var mine = _grains.GetGrain<IUserGrain>(await AccountTestKit.Register(_grains));
        var theirs = _grains.GetGrain<IUserGrain>(await AccountTestKit.Register(_grains));
        var theirId = (await theirs.AddAddress(Fields("theirs"))).Value;
        await mine.AddAddress(Fields("mine"));

        Assert.Equal(Err.NotFound, await mine.ChangeAddress(theirId, new AddressChange { Name = "hijack" }));
        Assert.Equal(Err.NotFound, await mine.RemoveAddress(theirId));
        Assert.Equal(Err.NotFound, await mine.SetDefaultAddress(theirId));

        var book = await theirs.GetAddresses();
        Assert.Equal("theirs", Assert.Single(book.Addresses).Name);
        Assert.Equal(theirId, book.DefaultId);
    }

    [Fact]
    public async Task Addresses_change_default_and_ids_are_never_reused()
    {
        var user = _grains.GetGrain<IUserGrain>(await AccountTestKit.Register(_grains));
        var a = (await user.AddAddress(Fields("a"))).Value;
        var b = (await user.AddAddress(Fields("b"))).Value;
        Assert.Equal(Err.Ok, await user.SetDefaultAddress(b));
        Assert.Equal(Err.Ok, await user.ChangeAddress(a, new AddressChange { Name = "a2" }));
        Assert.Equal(Err.Ok, await user.RemoveAddress(b));

        var book = await user.GetAddresses();
        var left = Assert.Single(book.Addresses);
        Assert.Equal("a2", left.Name);
        // Only the name was given: the other fields kept their values.
        Assert.Equal(Fields("a").Street, left.Street);
        Assert.Equal(Fields("a").Phone, left.Phone);
        // The client picks the next default (spec); until then there is none.
        Assert.Equal(0, book.DefaultId);
        var c = (await user.AddAddress(Fields("c"))).Value;
        Assert.NotEqual(b, c);
    }

    [Fact]
    public async Task Feedback_lists_newest_first_with_directions()
    {
        var user = _grains.GetGrain<IUserGrain>(await AccountTestKit.Register(_grains));
        Assert.Equal(Err.Ok, await user.AddFeedback("question", FeedbackEntry.FromUser));
        TestClock.Instance.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(Err.Ok, await user.AddFeedback("answer", FeedbackEntry.ToUser));

        var page = await user.ListFeedback(0, 10);
        Assert.Equal(["answer", "question"], page.Select(f => f.Content));
        Assert.Equal([2, 1], page.Select(f => f.Direction));
        Assert.True(page[0].Time > page[1].Time);
        Assert.Equal(Err.NotFound, await _grains.GetGrain<IUserGrain>(999_999_999).AddFeedback("x", FeedbackEntry.ToUser));
    }
}
