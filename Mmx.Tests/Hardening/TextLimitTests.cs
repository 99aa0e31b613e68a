using System.Text.Json.Nodes;

namespace Mmx.Tests.Hardening;

/// <summary>
/// Length limits hold in size as well as in counted characters, and names refuse the invisible
/// characters that spoof or reorder text; real names (emoji included) still pass.
/// </summary>
public sealed class TextLimitTests(TextLimitTests.Api api) : IClassFixture<TextLimitTests.Api>
{
    public sealed class Api : ApiFactory;

    private static int Err(JsonNode answer) => (int)answer["err"]!;

    /// <summary>One character as a person counts it, 40 KB on the wire: a letter under 20,000 combining accents.</summary>
    private static readonly string HugeCharacter = "a" + new string('\u0301', 20_000);

    [Theory]
    [InlineData("name")]
    [InlineData("zero-width")]
    [InlineData("bidi")]
    [InlineData("bom")]
    // Security round three, point 15: these passed before.
    [InlineData("hangul-filler")]
    [InlineData("braille-blank")]
    [InlineData("astral-format")]
    [InlineData("halfwidth-filler")]
    public async Task Bad_names_are_refused_and_change_nothing(string kind)
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        var before = (string)(await client.Get("/user/personal"))["info"]!["name"]!;
        var name = kind switch
        {
            "name" => HugeCharacter,
            "zero-width" => "小\u200B熊",
            "bidi" => "\u202Egnp.exe",
            "hangul-filler" => "\u3164\u3164",
            "braille-blank" => "小\u2800熊",
            // U+1D173 MUSICAL SYMBOL BEGIN BEAM, an invisible format character outside the BMP.
            "astral-format" => "小\U0001D173熊",
            "halfwidth-filler" => "\uFFA0",
            _ => "\uFEFF小熊",
        };
        Assert.Equal(1, Err(await client.Post("/user/personal", new { attr = 1, name })));
        Assert.Equal(before, (string)(await client.Get("/user/personal"))["info"]!["name"]!);
    }

    [Fact]
    public async Task Names_of_emoji_and_chinese_pass()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        const string family = "小熊👨‍👩‍👧‍👦🏴󠁧󠁢󠁳󠁣󠁴󠁿";
        Assert.Equal(0, Err(await client.Post("/user/personal", new { attr = 1, name = family })));
        Assert.Equal(family, (string)(await client.Get("/user/personal"))["info"]!["name"]!);
    }

    [Fact]
    public async Task Feedback_of_61_kb_in_1000_characters_is_refused()
    {
        var client = api.NewClient();
        await client.SignUp(AccountTestKit.NewPhone());
        var text = string.Concat(Enumerable.Repeat("e" + new string('\u0301', 30), 1000));
        Assert.True(text.Length * 2 > 61_000);
        Assert.Equal(1, Err(await client.Post("/user/feedback", new { feedback = text })));
        Assert.Equal(1, Err(await client.Post("/user/feedback", new { feedback = "看这里\u202E这是反的" })));
        Assert.Empty((await client.Get("/user/feedback"))["feedList"]!.AsArray());
        Assert.Equal(0, Err(await client.Post("/user/feedback", new { feedback = "第一行\n第二行 👍" })));
    }
}
