using System.Text;
using Mmx.Grains.Common;

namespace Mmx.Api.Social;

/// <summary>
/// The letter a name is listed under: A-Z for a Latin first letter, the pinyin initial of a Chinese
/// first character (<see cref="Pinyin"/>), '#' otherwise.
/// </summary>
public static class NameInitials
{
    public const string Other = "#";

    // kMandarin gives a character's everyday reading; as the first character of a name these are
    // surnames read differently (曾 céng, but the surname Zēng).
    private static readonly Dictionary<char, char> Surnames = new()
    {
        ['曾'] = 'Z', ['单'] = 'S', ['覃'] = 'Q', ['区'] = 'O', ['仇'] = 'Q', ['解'] = 'X',
        ['朴'] = 'P', ['查'] = 'Z', ['乐'] = 'Y', ['翟'] = 'Z', ['秘'] = 'B', ['尉'] = 'Y',
        ['种'] = 'C', ['万'] = 'W', ['盖'] = 'G', ['缪'] = 'M',
    };

    public static string Of(string name)
    {
        var text = name.Trim().Normalize(NormalizationForm.FormKC);
        if (text.Length == 0) return Other;
        var first = char.ConvertToUtf32(text, 0);
        if (first < 128) return char.IsAsciiLetter((char)first) ? char.ToUpperInvariant((char)first).ToString() : Other;
        if (first <= char.MaxValue && Surnames.TryGetValue((char)first, out var surname)) return surname.ToString();
        return Pinyin.Syllable(first) is { } syllable ? char.ToUpperInvariant(syllable[0]).ToString() : Other;
    }
}
