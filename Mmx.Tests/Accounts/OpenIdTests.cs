using Mmx.Grains.Accounts;

namespace Mmx.Tests.Accounts;

/// <summary>Third-party identities on the two-silo cluster: racing first logins make one account.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class OpenIdTests(TwoSiloCluster fixture)
{
    [Fact]
    public async Task Racing_first_logins_of_one_openid_make_exactly_one_account()
    {
        var grain = fixture.Client.GetGrain<IOpenIdGrain>($"5:wx-{Guid.NewGuid():N}");
        var logins = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => grain.Login($"dev-{i}", Guid.NewGuid().ToString("N"))));

        Assert.All(logins, l => Assert.Equal(Err.Ok, l.Err));
        Assert.Single(logins, l => l.Value!.Registered);
        Assert.Single(logins.Select(l => l.Value!.AccId).Distinct());
        var profile = (await fixture.Client.GetGrain<IUserGrain>(logins[0].Value!.AccId).GetProfile()).Value;
        Assert.Equal("", profile!.Phone);
        Assert.InRange(profile.Mcode, 100_000_000, 999_999_999);
    }
}
