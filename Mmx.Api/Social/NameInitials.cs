using System.Globalization;
using System.Text;

namespace Mmx.Api.Social;

/// <summary>
/// The letter a name is listed under: A-Z for a Latin first letter, the pinyin initial of a Chinese
/// first character (from Unicode's Unihan readings, Social/pinyin-initials.txt), '#' otherwise.
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

    private static readonly Lazy<Dictionary<int, char>> Table = new(Load);

    public static string Of(string name)
    {
        var text = name.Trim().Normalize(NormalizationForm.FormKC);
        if (text.Length == 0) return Other;
        var first = char.ConvertToUtf32(text, 0);
        if (first < 128) return char.IsAsciiLetter((char)first) ? char.ToUpperInvariant((char)first).ToString() : Other;
        if (first <= char.MaxValue && Surnames.TryGetValue((char)first, out var surname)) return surname.ToString();
        return Table.Value.TryGetValue(first, out var letter) ? letter.ToString() : Other;
    }

    private static Dictionary<int, char> Load()
    {
        using var stream = typeof(NameInitials).Assembly.GetManifestResourceStream("Mmx.Api.pinyin-initials.txt")
            ?? throw new InvalidOperationException("The pinyin table is missing from the build.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<int, char>(42_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.IndexOf(' ');
            var start = int.Parse(line.AsSpan(0, space), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            for (var i = space + 1; i < line.Length; i++)
            {
                if (line[i] != '.') table[start + i - space - 1] = line[i];
            }
        }
        return table;
    }
}
