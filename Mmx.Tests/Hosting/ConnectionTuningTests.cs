using Npgsql;

namespace Mmx.Tests.Hosting;

/// <summary>
/// ClusterSettings.Tuned: MMX's Npgsql defaults are added to the operator's connection string,
/// and anything the operator wrote wins.
/// </summary>
public class ConnectionTuningTests
{
    private const string Plain = "Host=127.0.0.1;Port=5432;Username=postgres;Database=mmx";

    [Fact]
    public void A_plain_string_gets_a_small_pool_and_prepared_statements()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ClusterSettings.Tuned(Plain));
        Assert.Equal(ClusterSettings.PoolSize, tuned.MaxPoolSize);
        Assert.True(tuned.MaxPoolSize < new NpgsqlConnectionStringBuilder(Plain).MaxPoolSize);
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("mmx", tuned.Database);
    }

    [Theory]
    [InlineData("Maximum Pool Size=40")]
    [InlineData("maxpoolsize=40")]
    public void A_pool_size_the_operator_set_is_kept_whatever_its_spelling(string setting)
    {
        var tuned = new NpgsqlConnectionStringBuilder(ClusterSettings.Tuned($"{Plain};{setting}"));
        Assert.Equal(40, tuned.MaxPoolSize);
    }

    [Fact]
    public void Other_settings_the_operator_set_are_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(ClusterSettings.Tuned($"{Plain};Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }
}
