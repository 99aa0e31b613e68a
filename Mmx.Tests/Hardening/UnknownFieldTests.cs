using System.Text.Json.Nodes;

namespace Mmx.Tests.Hardening;

/// <summary>
/// A change none of whose fields the route knows is err 1 and changes nothing (security round
/// three, point 13): before, <c>{"phone": {"$gt": ""}}</c> to <c>/user/setting/private</c> was
/// answered err 0 as if it had worked. Unknown fields beside known ones are still ignored.
/// </summary>
public sealed class UnknownFieldTests(UnknownFieldTests.Api api) : IClassFixture<UnknownFieldTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    [Theory]
    [InlineData("POST", "/user/setting/private", """{"phone":{"$gt":""}}""")]
    [InlineData("POST", "/user/setting/message", """{"shopId2":1,"enable":2}""")]
    [InlineData("POST", "/user/feedback", """{"text":"hello"}""")]
    [InlineData("POST", "/user/friend/invite", """{"who":"13800138000"}""")]
    public async Task A_body_of_only_unknown_fields_is_err_1(string method, string url, string json)
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        var before = (await client.Get("/user/setting/private")).ToJsonString();
        Assert.Equal(1, Err(await client.Literal(new HttpMethod(method), url, json)));
        Assert.Equal(before, (await client.Get("/user/setting/private")).ToJsonString());
    }

    [Fact]
    public async Task Unknown_fields_beside_known_ones_are_ignored()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        Assert.Equal(0, Err(await client.Literal(HttpMethod.Post, "/user/feedback", """{"feedback":"很好用","extra":{"$gt":""}}""")));
    }
}
