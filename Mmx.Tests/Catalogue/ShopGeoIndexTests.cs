using Mmx.Grains.Common;

namespace Mmx.Tests.Catalogue;

/// <summary>The grid index answers exactly what measuring and sorting every shop answers.</summary>
public sealed class ShopGeoIndexTests
{
    private static Shop[] RandomShops(Random random, int count, double centreLong, double centreLat, double spread) =>
        [.. Enumerable.Range(1, count).Select(i => new Shop
        {
            Id = i,
            Name = $"shop {i}",
            City = 1,
            Category = random.Next(1, 6),
            Long = centreLong + (random.NextDouble() * 2 - 1) * spread,
            Lat = centreLat + (random.NextDouble() * 2 - 1) * spread,
        })];

    private static List<(long Id, double Distance)> BruteForce(Shop[] shops, double longitude, double latitude, Func<Shop, bool>? match, int take) =>
        [.. shops.Where(s => match?.Invoke(s) ?? true)
            .Select(s => (s.Id, Distance: Geo.HaversineKm(longitude, latitude, s.Long, s.Lat)))
            .OrderBy(m => m.Distance).ThenBy(m => m.Id).Take(take)];

    [Theory]
    [InlineData(5000, 114.05, 22.54, 0.1)]   // a 20 km city
    [InlineData(300, 116.4, 39.9, 0.5)]      // sparse and wide, further north
    [InlineData(50, -70.6, -33.4, 0.02)]     // dense, southern and western hemispheres
    [InlineData(1, 0, 0, 0)]
    public void Nearest_equals_brute_force_inside_outside_with_filters_and_pages(int count, double longitude, double latitude, double spread)
    {
        var random = new Random(count);
        var shops = RandomShops(random, count, longitude, latitude, spread);
        // Two shops on the same spot: ties go by id.
        if (count > 2) shops[1] = shops[1] with { Long = shops[0].Long, Lat = shops[0].Lat };
        var index = new ShopGeoIndex(shops);

        for (var q = 0; q < 300; q++)
        {
            var far = q % 10 == 0;
            var qLong = longitude + (random.NextDouble() * 2 - 1) * (far ? 5 : spread * 1.2);
            var qLat = latitude + (random.NextDouble() * 2 - 1) * (far ? 5 : spread * 1.2);
            var category = random.Next(0, 6);
            Func<Shop, bool>? match = category == 0 ? null : s => s.Category == category;
            var take = random.Next(1, 61);
            var expected = BruteForce(shops, qLong, qLat, match, take);
            var actual = index.Nearest(qLong, qLat, match, take).Select(m => (m.Shop.Id, m.Distance)).ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void An_empty_city_has_no_nearest_shop() =>
        Assert.Empty(new ShopGeoIndex([]).Nearest(114, 22, null, 10));
}
