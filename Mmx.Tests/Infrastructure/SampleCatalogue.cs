namespace Mmx.Tests.Infrastructure;

/// <summary>
/// Test catalogues in the import format, each under its own id range (base) so that tests sharing
/// a cluster never see each other's shops. Positions are around Shenzhen's 海岸城.
/// </summary>
public static class SampleCatalogue
{
    /// <summary>Activities are dated around <paramref name="today"/>: one valid, one expired, one valid today only.</summary>
    public static CatalogueImport Build(long b, DateOnly today)
    {
        var city = b + 1;
        return new CatalogueImport
        {
            Cities = [new City { Id = city, Name = "深圳" }, new City { Id = b + 2, Name = "广州" }],
            Categories =
            [
                new Category { Id = b + 10, Name = "女装", Pic = "https://img.test/10.png" },
                new Category { Id = b + 11, Name = "连衣裙", Pic = "https://img.test/11.png", Parent = b + 10 },
                new Category { Id = b + 12, Name = "T恤", Pic = "https://img.test/12.png", Parent = b + 10 },
                new Category { Id = b + 20, Name = "男装", Pic = "https://img.test/20.png" },
            ],
            Shops =
            [
                Shop(b + 100, "Alpha 连衣裙", city, b + 11, 113.9363, 22.5172, recommend: true),
                Shop(b + 101, "Beta T恤", city, b + 12, 113.9500, 22.5300),
                Shop(b + 102, "Gamma 男装", city, b + 20, 113.9370, 22.5175, recommend: true),
                Shop(b + 103, "alpha outlet", city, b + 20, 114.0553, 22.5358),
            ],
            Goods =
            [
                Goods(b + 1000, b + 100, time: 1_700_000_000, barcode: $"bc{b}-1"),
                Goods(b + 1001, b + 100, time: 1_700_000_500, barcode: $"bc{b}-2"),
                Goods(b + 1002, b + 100, time: 1_700_000_900, status: 0),
                Goods(b + 1003, b + 101, time: 1_700_000_100),
            ],
            Activities =
            [
                new Activity { Id = b + 500, Shop = b + 100, Title = "满300减50", Content = "全场", Bt = today.AddDays(-14), Et = today.AddDays(16) },
                new Activity { Id = b + 501, Shop = b + 100, Title = "旧活动", Content = "已过期", Bt = today.AddDays(-400), Et = today.AddDays(-370) },
                new Activity { Id = b + 502, Shop = b + 101, Title = "春季新品", Content = "上新", Bt = today, Et = today },
            ],
            Versions = [new AppVersion { Sys = 1, Version = "2.3.0", Time = 1_465_589_785, Remark = "r", Packet = "https://dl.test/mmx.apk" }],
        };
    }

    public static Shop Shop(long id, string name, long city, long category, double lng, double lat, bool recommend = false) => new()
    {
        Id = id, Name = name, City = city, Category = category, Long = lng, Lat = lat,
        Pics = [$"https://img.test/shop/{id}.jpg"], Address = "深圳市南山区", Hours = "10:00-22:00",
        Phone = "0755-8888888", Intro = "intro", Recommend = recommend, Dec = recommend ? "推荐" : "",
    };

    public static Goods Goods(long id, long shop, long time, string? barcode = null, int status = 1) => new()
    {
        Id = id, Shop = shop, Desp = $"goods {id}", Price = 199.0m, Promot = 159.0m,
        Pics = [$"https://img.test/goods/{id}.jpg"], Basic = [new GoodsAttribute { Key = "款式", Value = "宽松" }],
        Barcode = barcode, Time = time, Status = status,
    };
}
