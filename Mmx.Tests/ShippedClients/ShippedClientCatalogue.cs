namespace Mmx.Tests.ShippedClients;

/// <summary>A small catalogue of the shipped-client tests, imported into each test's own embedded API.</summary>
public static class ShippedClientCatalogue
{
    public const long City = 9701;
    public const long Uniqlo = 9711;
    public const long TeeWorkshop = 9712;
    public const long Other = 9713;
    public const long Coat = 9721;
    public const long Tee = 9722;
    public const long Activity = 9731;

    public const string Document = """
    {
      "cities":     [{"id": 9701, "name": "测试城"}],
      "categories": [{"id": 9750, "name": "服装", "pic": "https://img.test/c.png", "parent": 0},
                     {"id": 9751, "name": "外套", "pic": "https://img.test/c1.png", "parent": 9750}],
      "shops": [
        {"id": 9711, "name": "优衣库", "city": 9701, "category": 9751, "pics": ["https://img.test/u1.png", "https://img.test/u2.png"],
         "address": "南山区", "long": 113.93, "lat": 22.53},
        {"id": 9712, "name": "潮T工坊", "city": 9701, "category": 9751, "pics": ["https://img.test/t.png"],
         "address": "福田区", "long": 114.05, "lat": 22.54},
        {"id": 9713, "name": "示例店", "city": 9701, "category": 9750, "pics": [], "address": "罗湖区", "long": 114.1, "lat": 22.55}
      ],
      "goods": [
        {"id": 9721, "shop": 9711, "desp": "羽绒外套", "price": 499.5, "promot": 399, "pics": ["https://img.test/g1.png"],
         "basic": [{"key": "材质", "value": "羽绒"}, {"key": "颜色", "value": "黑"}], "time": 1700000000, "status": 1},
        {"id": 9722, "shop": 9712, "desp": "印花T恤", "price": 99, "promot": 79.9, "pics": ["https://img.test/g2.png"],
         "basic": [], "time": 1700000100, "status": 1}
      ],
      "activities": [{"id": 9731, "shop": 9711, "title": "冬季特惠", "content": "全场八折", "bt": "2015-01-01", "et": "2099-01-31"}],
      "versions": [{"sys": 2, "version": "1.0.1", "time": 1600000000, "remark": "安卓", "packet": "https://dl.test/1.0.1.apk"}]
    }
    """;

    /// <summary>A platform's release history in one document, as an operator exports it.</summary>
    public const string ReleaseHistory = """
    {
      "versions": [
        {"sys": 1, "version": "1.0.0", "time": 1600000000, "remark": "首发", "packet": "https://dl.test/1.0.0.ipa"},
        {"sys": 1, "version": "1.2.0", "time": 1650000000, "remark": "修复", "packet": "https://dl.test/1.2.0.ipa"},
        {"sys": 1, "version": "1.1.0", "time": 1620000000, "remark": "改进", "packet": "https://dl.test/1.1.0.ipa"}
      ]
    }
    """;

    public static async Task Import(ApiFactory api)
    {
        var answer = await api.Import(Document);
        Assert.True((int)answer["err"]! == 0, answer.ToJsonString());
    }
}
