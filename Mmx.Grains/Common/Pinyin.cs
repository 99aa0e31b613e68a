using System.Globalization;
using System.Text;

namespace Mmx.Grains.Common;

/// <summary>
/// The pinyin of CJK characters (Unicode's Unihan kMandarin readings, Common/pinyin.txt generated
/// by tools/gen_pinyin.py): the friend groups' initials and the shop search by pinyin read it.
/// </summary>
public static class Pinyin
{
    private static readonly Lazy<Dictionary<int, string>> Table = new(Load);

    /// <summary>The toneless syllable of a code point (张 zhang), or null when it has no reading.</summary>
    public static string? Syllable(int codePoint) => Table.Value.GetValueOrDefault(codePoint);

    /// <summary>
    /// A name as people type it on a Latin keyboard: the full pinyin (优衣库 youyiku) and the
    /// initials (yyk). Latin letters and digits stay as they are (lower case) in both (潮T工坊
    /// chaotgongfang, ctgf); anything else is left out.
    /// </summary>
    public static (string Full, string Initials) Keys(string name)
    {
        var full = new StringBuilder(name.Length * 4);
        var initials = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (rune.IsAscii && Rune.IsLetterOrDigit(rune))
            {
                var c = char.ToLowerInvariant((char)rune.Value);
                full.Append(c);
                initials.Append(c);
            }
            else if (Syllable(rune.Value) is { } syllable)
            {
                full.Append(syllable);
                initials.Append(syllable[0]);
            }
        }
        return (full.ToString(), initials.ToString());
    }

    private static Dictionary<int, string> Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("Mmx.Grains.pinyin.txt")
            ?? throw new InvalidOperationException("The pinyin table is missing from the build.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<int, string>(42_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split(' ');
            var start = int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            for (var i = 1; i < parts.Length; i++)
            {
                // One string per syllable, not per character: about 400 distinct ones.
                if (parts[i] != "-") table[start + i - 1] = string.Intern(parts[i]);
            }
        }
        return table;
    }
}
