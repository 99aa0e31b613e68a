using System.Text;
using System.Text.Json.Nodes;

namespace Mmx.Tests.Hardening;

/// <summary>
/// Bodies are held to 64 KB by the server itself on every route (security round three, point 14):
/// before, up to 64 MB was read on any route, the anonymous dashboard sign-in form included. The
/// admin import keeps its own, larger limit. On a real Kestrel front (the in-memory test server
/// enforces no body limit).
/// </summary>
public sealed class BodyLimitTests(BodyLimitTests.Api api) : IClassFixture<BodyLimitTests.Api>
{
    public sealed class Api : ApiFactory
    {
        // The dashboard's sign-in form is what this test posts to.
        public Api() : base(settings: DashboardOn) => ListenOnLoopback();
    }

    [Fact]
    public async Task A_megabyte_to_the_dashboard_sign_in_form_is_refused_unread()
    {
        using var http = new HttpClient { BaseAddress = api.LoopbackBase() };
        var form = new StringContent("key=" + new string('k', 1024 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await http.PostAsync("/dashboard/signin", form);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["err"]!);
    }

    [Fact]
    public async Task The_import_still_takes_a_large_document()
    {
        // About 200 KB: far over the user routes' limit.
        var shops = new JsonArray();
        for (var i = 0; i < 800; i++)
        {
            shops.Add(new JsonObject
            {
                ["id"] = 880_000 + i, ["name"] = $"大文档店{i}", ["city"] = 88_001, ["category"] = 88_010, ["long"] = 113.9, ["lat"] = 22.5,
                ["intro"] = new string('介', 60), ["pics"] = new JsonArray("https://img.test/s.jpg"),
            });
        }
        var doc = new JsonObject
        {
            ["cities"] = new JsonArray(new JsonObject { ["id"] = 88_001, ["name"] = "大城" }),
            ["categories"] = new JsonArray(new JsonObject { ["id"] = 88_010, ["name"] = "女装", ["pic"] = "https://img.test/c.png", ["parent"] = 0 }),
            ["shops"] = shops,
        }.ToJsonString();
        Assert.True(doc.Length > 100_000);
        Assert.Equal(0, (int)(await api.Import(doc))["err"]!);
    }
}
