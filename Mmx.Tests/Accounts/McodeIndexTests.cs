using Microsoft.Extensions.DependencyInjection;
using Mmx.Grains.Accounts;
using Orleans.Runtime;
using Orleans.Storage;

namespace Mmx.Tests.Accounts;

/// <summary>
/// The mcode index shards: new accounts are found by mcode through them, and accounts stored by an
/// earlier version (their mcode only in the per-number register) lose nothing.
/// </summary>
public sealed class McodeIndexTests(McodeIndexTests.Api api) : IClassFixture<McodeIndexTests.Api>
{
    public sealed class Api : ApiFactory;

    private IGrainFactory Grains => api.Services.GetRequiredService<IGrainFactory>();
    private IGrainStorage Storage => api.Services.GetRequiredKeyedService<IGrainStorage>(SiloSetup.StorageName);
    private IMcodeIndexGrain Shard(long mcode) => Grains.GetGrain<IMcodeIndexGrain>(IMcodeIndexGrain.ShardOf(mcode));

    /// <summary>Stores a number as held in the register of the version before the index.</summary>
    private Task EarlierRegister(long mcode, long accId) =>
        Storage.WriteStateAsync("mcode", Grains.GetGrain<IMcodeGrain>(mcode).GetGrainId(),
            new GrainState<McodeState>(new McodeState { Owner = accId }));

    [Fact]
    public async Task A_new_account_is_found_by_its_mcode_through_the_index()
    {
        var user = api.NewClient();
        var accId = await user.SignUp(AccountTestKit.NewPhone());
        var mcode = (await Grains.GetGrain<IUserGrain>(accId).GetProfile()).Value!.Mcode;
        Assert.Equal(accId, await Shard(mcode).Owner(mcode));
        var found = await user.Get($"/userweb/search/m{mcode}");
        Assert.Equal(accId, (long)found["user_id"]!);
    }

    [Fact]
    public async Task An_account_of_an_earlier_version_enters_its_mcode_into_the_index_when_it_activates()
    {
        const long accId = 10_000_000_123, mcode = 912_345_678;
        await EarlierRegister(mcode, accId);
        await Storage.WriteStateAsync("user", Grains.GetGrain<IUserGrain>(accId).GetGrainId(), new GrainState<UserState>(new UserState
        {
            Created = true,
            Profile = new Profile { Name = "老用户", Phone = "13900000123", Mcode = mcode },
            PasswordHash = "x",
        }));
        Assert.Null(await Shard(mcode).Owner(mcode));

        Assert.True((await Grains.GetGrain<IUserGrain>(accId).GetProfile()).IsOk);
        Assert.Equal(accId, await Shard(mcode).Owner(mcode));
    }

    [Fact]
    public async Task A_number_held_in_the_earlier_register_is_not_handed_to_another_account()
    {
        const long holder = 10_000_000_456, mcode = 923_456_789;
        await EarlierRegister(mcode, holder);
        Assert.Equal(Err.AlreadyExists, await Shard(mcode).Claim(mcode, holder + 1));
        Assert.Equal(holder, await Shard(mcode).Owner(mcode));
        Assert.Equal(Err.Ok, await Shard(mcode).Claim(mcode, holder));
    }
}
