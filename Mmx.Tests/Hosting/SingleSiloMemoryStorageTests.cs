using Microsoft.Extensions.DependencyInjection;
using Mmx.Grains.ShopLife;
using Orleans.Runtime;
using Orleans.Storage;

namespace Mmx.Tests.Hosting;

/// <summary>The embedded default's grain storage: what any Orleans storage must do, in one process.</summary>
public sealed class SingleSiloMemoryStorageTests(SingleSiloMemoryStorageTests.Api api) : IClassFixture<SingleSiloMemoryStorageTests.Api>
{
    public sealed class Api : ApiFactory;

    private const string StateName = "user-shops";

    private SingleSiloMemoryStorage Storage => Assert.IsType<SingleSiloMemoryStorage>(
        api.Services.GetRequiredKeyedService<IGrainStorage>(SiloSetup.StorageName));

    private static GrainId NewGrain() => GrainId.Create("test-storage", Guid.NewGuid().ToString("N"));

    private static UserShopsState Following(params long[] shops) => new()
    {
        Fans = shops.ToImmutableDictionary(s => s, s => new FanShop { ShopId = s, Since = 1_700_000_000, MessagesOn = true }),
    };

    [Fact]
    public async Task The_embedded_api_stores_grain_state_in_it()
    {
        var before = Storage.Count;
        var user = api.NewClient();
        await user.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, (int)(await user.Post("/user/shop/concern?sid=5"))["err"]!);
        Assert.True(Storage.Count > before, "a sign-up and a follow wrote no state");
    }

    [Fact]
    public async Task A_written_state_reads_back_equal_but_as_its_own_copy()
    {
        var grain = NewGrain();
        var written = new GrainState<UserShopsState>(Following(7, 8));
        await Storage.WriteStateAsync(StateName, grain, written);

        var read = new GrainState<UserShopsState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal([7, 8], read.State!.Fans.Keys.Order());
        Assert.NotSame(written.State, read.State);
        Assert.Equal(written.State!.Fans[7], read.State!.Fans[7]);
    }

    [Fact]
    public async Task A_state_never_written_reads_as_a_new_empty_one()
    {
        var read = new GrainState<UserShopsState>();
        await Storage.ReadStateAsync(StateName, NewGrain(), read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Empty(read.State!.Fans);
    }

    [Fact]
    public async Task A_write_from_a_stale_read_is_refused_and_changes_nothing()
    {
        var grain = NewGrain();
        var first = new GrainState<UserShopsState>(Following(1));
        await Storage.WriteStateAsync(StateName, grain, first);
        var stale = new GrainState<UserShopsState>(Following(1)) { ETag = first.ETag };
        first.State = Following(1, 2);
        await Storage.WriteStateAsync(StateName, grain, first);

        stale.State = Following(99);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, stale));
        // Nor may a writer that believes there is no record yet overwrite one.
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync(StateName, grain, new GrainState<UserShopsState>(Following(98))));

        var read = new GrainState<UserShopsState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.Equal([1, 2], read.State!.Fans.Keys.Order());
    }

    [Fact]
    public async Task Clearing_removes_the_state_and_checks_the_etag_too()
    {
        var grain = NewGrain();
        var state = new GrainState<UserShopsState>(Following(3));
        await Storage.WriteStateAsync(StateName, grain, state);
        var stale = new GrainState<UserShopsState> { ETag = "not-the-current-one" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, stale));

        await Storage.ClearStateAsync(StateName, grain, state);
        Assert.False(state.RecordExists);
        var read = new GrainState<UserShopsState>();
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.False(read.RecordExists);
        Assert.Empty(read.State!.Fans);
    }
}
