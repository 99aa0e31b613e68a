using System.Text.Json.Nodes;

namespace Mmx.Tests.Images;

/// <summary>/userweb/quickmodifyimg sets the caller's own portrait, and nobody else's.</summary>
public sealed class QuickModifyImageTests(QuickModifyImageTests.Api api) : IClassFixture<QuickModifyImageTests.Api>
{
    public sealed class Api : ApiFactory;

    private static JsonNode Portrait(JsonNode personal) => personal["info"]!["portrait"]!;

    [Fact]
    public async Task The_caller_sets_its_own_portrait_and_another_users_id_is_err_3()
    {
        var alice = api.NewClient();
        var aliceId = await alice.SignUp(AccountTestKit.NewPhone());
        var bob = api.NewClient();
        var bobId = await bob.SignUp(AccountTestKit.NewPhone());
        var bobBefore = (await bob.Get("/user/personal")).ToJsonString();

        var url = "https://img.example.com/alice.png";
        var answer = await alice.Get($"/userweb/quickmodifyimg?user_id={aliceId}&url={Uri.EscapeDataString(url)}");
        Assert.Equal((0, true), ((int)answer["err"]!, (bool)answer["is_success"]!));
        Assert.Equal(url, (string?)Portrait(await alice.Get("/user/personal")));

        Assert.Equal(3, (int)(await alice.Get($"/userweb/quickmodifyimg?user_id={bobId}&url={Uri.EscapeDataString(url)}"))["err"]!);
        Assert.Equal(1, (int)(await alice.Get($"/userweb/quickmodifyimg?user_id={aliceId}&url=file%3A%2F%2F%2Fetc%2Fpasswd"))["err"]!);
        Assert.Equal(bobBefore, (await bob.Get("/user/personal")).ToJsonString());
        Assert.Equal(url, (string?)Portrait(await alice.Get("/user/personal")));
    }
}
