using System.Text.Json.Nodes;

namespace Mmx.Bench;

/// <summary>
/// The benchmark's catalogue, the same on every run (fixed seed): one city, 5 parent and 20 child
/// categories, shops spread evenly over a 20 km square around Shenzhen's centre, goods evenly per
/// shop, some activities. Shop ids are 1..shops and goods ids 1..goods, which the wrk scripts use.
/// </summary>
public static class DataSet
{
    public const long City = 1;
    public const double CentreLong = 114.05;
    public const double CentreLat = 22.54;
    // 20 km: 0.1799 degrees of latitude; of longitude at 22.5 degrees, 0.1947.
    public const double HalfSideLat = 0.0899;
    public const double HalfSideLong = 0.0973;

    public static JsonObject Catalogue(int shops, int goods)
    {
        var random = new Random(20261124);
        var categories = new JsonArray();
        string[] parents = ["女装", "男装", "鞋包", "美妆", "餐饮"];
        for (var p = 1; p <= parents.Length; p++)
        {
            categories.Add(new JsonObject { ["id"] = p, ["name"] = parents[p - 1], ["pic"] = $"https://img.example.com/c/{p}.png", ["parent"] = 0 });
            for (var c = 1; c <= 4; c++)
            {
                categories.Add(new JsonObject { ["id"] = p * 10 + c, ["name"] = $"{parents[p - 1]}{c}", ["pic"] = $"https://img.example.com/c/{p}{c}.png", ["parent"] = p });
            }
        }

        var shopList = new JsonArray();
        for (var s = 1; s <= shops; s++)
        {
            shopList.Add(new JsonObject
            {
                ["id"] = s,
                ["name"] = $"店铺{s}",
                ["city"] = City,
                ["category"] = random.Next(1, 6) * 10 + random.Next(1, 5),
                ["pics"] = new JsonArray($"https://img.example.com/s/{s}.jpg"),
                ["address"] = $"深圳市福田区测试路{s}号",
                ["long"] = Math.Round(CentreLong + (random.NextDouble() * 2 - 1) * HalfSideLong, 6),
                ["lat"] = Math.Round(CentreLat + (random.NextDouble() * 2 - 1) * HalfSideLat, 6),
                ["hours"] = "10:00-22:00",
                ["phone"] = $"0755-{80000000 + s}",
                ["intro"] = "基准测试用店铺",
                ["recommend"] = s % 20 == 0,
                ["dec"] = "推荐",
            });
        }

        var goodsList = new JsonArray();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var g = 1; g <= goods; g++)
        {
            var price = Math.Round(50 + random.NextDouble() * 950, 1);
            goodsList.Add(new JsonObject
            {
                ["id"] = g,
                ["shop"] = (g - 1) % shops + 1,
                ["desp"] = $"商品{g}",
                ["price"] = price,
                ["promot"] = Math.Round(price * 0.8, 1),
                ["pics"] = new JsonArray($"https://img.example.com/g/{g}.jpg"),
                ["basic"] = new JsonArray(new JsonObject { ["key"] = "款式", ["value"] = "宽松" }),
                ["barcode"] = $"bx{g:D8}",
                ["time"] = now - random.Next(0, 30 * 86400),
                ["status"] = 1,
            });
        }

        var activities = new JsonArray();
        for (var a = 1; a <= shops / 10; a++)
        {
            activities.Add(new JsonObject
            {
                ["id"] = a, ["shop"] = a * 10, ["title"] = $"活动{a}", ["content"] = "满200减50",
                ["bt"] = "2026-01-01", ["et"] = "2027-12-31",
            });
        }

        return new JsonObject
        {
            ["cities"] = new JsonArray(new JsonObject { ["id"] = City, ["name"] = "深圳" }),
            ["categories"] = categories,
            ["shops"] = shopList,
            ["goods"] = goodsList,
            ["activities"] = activities,
            ["versions"] = new JsonArray(new JsonObject { ["sys"] = 1, ["version"] = "2.3.0", ["time"] = now, ["remark"] = "bench", ["packet"] = "https://img.example.com/mmx.apk" }),
        };
    }
}
