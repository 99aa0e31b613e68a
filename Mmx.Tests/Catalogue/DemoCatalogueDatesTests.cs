using System.Text.Json.Nodes;
using Mmx.Api.Hosting;

namespace Mmx.Tests.Catalogue;

/// <summary>The demo catalogue loaded on any day has new goods and running activities.</summary>
public sealed class DemoCatalogueDatesTests(DemoCatalogueDatesTests.Api api) : IClassFixture<DemoCatalogueDatesTests.Api>
{
    public sealed class Api : ApiFactory;

    [Fact]
    public void Every_date_moves_by_the_same_days_and_the_newest_goods_is_a_day_old()
    {
        var catalogue = JsonNode.Parse(File.ReadAllText(DemoDataLoader.DemoFile))!;
        var before = catalogue.DeepClone();
        var today = new DateOnly(2031, 3, 15);
        DemoCatalogueDates.MovedTo(catalogue, today);

        var newest = catalogue["goods"]!.AsArray().Max(g => (long)g!["time"]!);
        Assert.Equal(today.AddDays(-1), DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(newest).ToOffset(TimeSpan.FromHours(8)).DateTime));
        var shift = (long)catalogue["goods"]![0]!["time"]! - (long)before["goods"]![0]!["time"]!;
        Assert.Equal(0, shift % 86_400);
        for (var i = 0; i < catalogue["goods"]!.AsArray().Count; i++)
        {
            Assert.Equal(shift, (long)catalogue["goods"]![i]!["time"]! - (long)before["goods"]![i]!["time"]!);
        }
        for (var i = 0; i < catalogue["activities"]!.AsArray().Count; i++)
        {
            var moved = DateOnly.Parse((string)catalogue["activities"]![i]!["bt"]!).DayNumber - DateOnly.Parse((string)before["activities"]![i]!["bt"]!).DayNumber;
            Assert.Equal(shift / 86_400, moved);
        }
    }

    [Fact]
    public async Task The_embedded_default_shows_new_goods_and_valid_activities_today()
    {
        var news = await api.GetJson($"/user/fans/news?{string.Join("&", Enumerable.Range(1, 40).Select(i => $"sid={i}"))}");
        Assert.Equal(2, (int)news["err"]!);
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        var answer = await client.Get($"/user/fans/news?{string.Join("&", Enumerable.Range(1, 40).Select(i => $"sid={i}"))}");
        Assert.Equal(0, (int)answer["err"]!);
        var shops = answer["shopList"]!.AsArray();
        Assert.Contains(shops, s => (int)s!["hasNew"]! == 1);
        Assert.Contains(shops, s => (int)s!["hasAct"]! == 1);
        var activities = await api.GetJson("/user/activity?city=1&count=100");
        Assert.True((int)activities["count"]! > 0);
    }
}
