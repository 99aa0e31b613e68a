using Mmx.Api.Social;

namespace Mmx.Tests.Social;

public sealed class NameInitialsTests
{
    [Theory]
    [InlineData("张三", "Z")]
    [InlineData("李四", "L")]
    [InlineData("王五", "W")]
    [InlineData("欧阳娜娜", "O")]
    [InlineData("曾小贤", "Z")]
    [InlineData("单田芳", "S")]
    [InlineData("区永权", "O")]
    [InlineData("alice", "A")]
    [InlineData("Bob", "B")]
    [InlineData("  bob", "B")]
    [InlineData("Ｚｏｅ", "Z")]
    [InlineData("9号", "#")]
    [InlineData("😀 smile", "#")]
    [InlineData("", "#")]
    [InlineData("Élodie", "#")]
    [InlineData("龘", "D")]
    [InlineData("\U00020001", "Q")]
    public void Names_are_listed_under_their_initial(string name, string initial) =>
        Assert.Equal(initial, NameInitials.Of(name));
}
