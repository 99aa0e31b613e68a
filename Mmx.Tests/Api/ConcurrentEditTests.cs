using System.Text.Json.Nodes;

namespace Mmx.Tests.Api;

/// <summary>
/// Edits of different parts of one profile or one set of privacy switches, sent at the same time
/// (two phones of one user, or a double tap), all land: none is lost to another's stale copy.
/// </summary>
public sealed class ConcurrentEditTests(ConcurrentEditTests.Api api) : IClassFixture<ConcurrentEditTests.Api>
{
    public sealed class Api : ApiFactory;

    private const int Rounds = 12;

    private static void Ok(JsonNode answer) => Assert.Equal(0, (int)answer["err"]!);

    [Fact]
    public async Task Name_portrait_gender_and_city_sent_together_all_land()
    {
        var client = api.NewClient();
        var accId = await client.SignUp(AccountTestKit.NewPhone());
        for (var round = 1; round <= Rounds; round++)
        {
            var (name, portrait, gender, city) = ($"name {round}", $"https://img.example.com/{round}.png", round % 2 + 1, round % 4 + 1);
            await Task.WhenAll(
                client.Post("/user/personal", new { attr = 1, name }).ContinueWith(t => Ok(t.Result)),
                client.Put("/userweb/quickmodifyimg", new { user_id = accId, url = portrait }).ContinueWith(t => Ok(t.Result)),
                client.Post("/user/personal", new { attr = 3, gender }).ContinueWith(t => Ok(t.Result)),
                client.Post("/user/personal", new { attr = 4, city }).ContinueWith(t => Ok(t.Result)));

            var info = (await client.Get("/user/personal"))["info"]!;
            Assert.Equal((name, portrait, gender, (long)city),
                ((string)info["name"]!, (string)info["portrait"]!, (int)info["gender"]!, (long)info["city"]!));
        }
    }

    [Fact]
    public async Task Privacy_switches_sent_one_by_one_at_the_same_time_all_land()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        for (var round = 1; round <= Rounds; round++)
        {
            var on = round % 2;
            await Task.WhenAll(
                client.Post("/user/setting/private", new { favoriteEnable = on }),
                client.Post("/user/setting/private", new { fansEnable = on }),
                client.Post("/user/setting/private", new { visitEnable = on }));

            var setting = (await client.Get("/user/setting/private"))["setting"]!;
            Assert.Equal((on, on, on), ((int)setting["favoriteEnable"]!, (int)setting["fansEnable"]!, (int)setting["visitEnable"]!));
        }
    }
}
