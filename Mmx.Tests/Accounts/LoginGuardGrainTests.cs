using Mmx.Grains.Accounts;

namespace Mmx.Tests.Accounts;

/// <summary>The login guard: wrong passwords hold back the address they came from, not the owner elsewhere; a spread attack holds back all but trusted addresses.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class LoginGuardGrainTests(TwoSiloCluster fixture)
{
    private ILoginGuardGrain Guard() => fixture.Client.GetGrain<ILoginGuardGrain>($"a:{Guid.NewGuid():N}");

    [Fact]
    public async Task Five_wrong_passwords_hold_back_that_address_for_fifteen_minutes_and_no_other()
    {
        var guard = Guard();
        for (var i = 0; i < LoginGuardGrain.FailuresPerAddress; i++)
        {
            Assert.True(await guard.MayTry("198.51.100.1"));
            await guard.Failed("198.51.100.1");
        }
        Assert.False(await guard.MayTry("198.51.100.1"));
        Assert.True(await guard.MayTry("203.0.113.9"));

        TestClock.Instance.Advance(LoginGuardGrain.Hold + TimeSpan.FromSeconds(1));
        Assert.True(await guard.MayTry("198.51.100.1"));
    }

    [Fact]
    public async Task Failures_older_than_the_window_do_not_count()
    {
        var guard = Guard();
        for (var i = 0; i < LoginGuardGrain.FailuresPerAddress - 1; i++) await guard.Failed("198.51.100.2");
        TestClock.Instance.Advance(LoginGuardGrain.Window + TimeSpan.FromMinutes(1));
        await guard.Failed("198.51.100.2");
        Assert.True(await guard.MayTry("198.51.100.2"));
    }

    [Fact]
    public async Task A_spread_attack_holds_back_every_address_but_the_ones_that_logged_in_before()
    {
        var guard = Guard();
        await guard.Succeeded("192.0.2.1");
        for (var i = 0; i < LoginGuardGrain.SpreadFailures; i++) await guard.Failed($"198.51.100.{10 + i % LoginGuardGrain.SpreadAddresses * 2 + i / 10}");
        Assert.False(await guard.MayTry("203.0.113.77"));
        Assert.True(await guard.MayTry("192.0.2.1"));

        TestClock.Instance.Advance(LoginGuardGrain.SpreadHold + TimeSpan.FromSeconds(1));
        Assert.True(await guard.MayTry("203.0.113.77"));
    }

    [Fact]
    public async Task An_address_trying_many_accounts_is_held_back_for_all()
    {
        var address = fixture.Client.GetGrain<IAddressGuardGrain>($"198.18.{Random.Shared.Next(255)}.{Random.Shared.Next(255)}-{Guid.NewGuid():N}");
        for (var i = 0; i < AddressGuardGrain.Failures - 1; i++) await address.Failed();
        Assert.True(await address.MayTry());
        await address.Failed();
        Assert.False(await address.MayTry());
    }

    /// <summary>Security round three, point 8: four addresses just under the per-address hold never set off the spread rule before.</summary>
    [Fact]
    public async Task Four_addresses_guessing_just_under_the_address_hold_are_a_spread_attack()
    {
        var guard = Guard();
        string[] addresses = ["198.51.100.31", "198.51.100.32", "198.51.100.33", "198.51.100.34"];
        for (var round = 0; round < 2; round++)
        {
            foreach (var address in addresses)
            {
                // As the login route does: a password is tried only when the guard lets it.
                for (var i = 0; i < LoginGuardGrain.FailuresPerAddress - 1 && await guard.MayTry(address); i++) await guard.Failed(address);
            }
            TestClock.Instance.Advance(LoginGuardGrain.Window + TimeSpan.FromMinutes(1));
        }
        Assert.False(await guard.MayTry("203.0.113.44"));
    }

    /// <summary>Security round three, point 8: a day's ceiling whatever the address, trusted ones included.</summary>
    [Fact]
    public async Task A_hundred_wrong_passwords_in_a_day_hold_the_identity_everywhere_until_the_day_has_passed()
    {
        var guard = Guard();
        await guard.Succeeded("192.0.2.50");
        // Slow guessing from ever new addresses: one every 14 minutes, never a spread within an hour... almost.
        for (var i = 0; i < LoginGuardGrain.DailyFailures; i++)
        {
            await guard.Failed($"10.9.{i / 200}.{i % 200}");
            TestClock.Instance.Advance(TimeSpan.FromMinutes(14));
        }
        Assert.False(await guard.MayTry("192.0.2.50"));
        Assert.False(await guard.MayTry("203.0.113.51"));
        TestClock.Instance.Advance(LoginGuardGrain.Day);
        Assert.True(await guard.MayTry("192.0.2.50"));
    }
}
