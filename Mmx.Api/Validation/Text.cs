namespace Mmx.Api.Validation;

/// <summary>
/// Text rules shared by every input: length in characters (as a person counts them, so one emoji
/// is one) and at most <see cref="UnitsPerCharacter"/> UTF-16 units a character (one "character"
/// built of 20,000 combining marks is not one), no control characters, no broken UTF-16. One-line
/// values (names, remarks, titles) also refuse invisible format characters (zero-width spaces,
/// bidi overrides, byte-order marks) that make one name look like another or reorder what is shown
/// around it (also outside the BMP), and letters that draw nothing (Hangul fillers, the blank
/// Braille pattern); the zero-width joiner and tag characters that emoji are built of stay
/// allowed. Free text refuses the bidi overrides.
/// </summary>
public static class Text
{
    /// <summary>UTF-16 units allowed per counted character: an emoji with skin tone is 4, a ZWJ family 11.</summary>
    public const int UnitsPerCharacter = 4;

    /// <summary>A one-line value: names, titles, phone numbers.</summary>
    public static string SingleLine(string? value, string field, int min, int max) =>
        Check(value, field, min, max, multiLine: false);

    /// <summary>A free text that may hold line breaks and tabs: intros, contents, descriptions.</summary>
    public static string MultiLine(string? value, string field, int min, int max) =>
        Check(value, field, min, max, multiLine: true);

    /// <summary>The first line of a checked text, cut to at most <paramref name="max"/> characters as people count them (never inside one).</summary>
    public static string FirstLineShortened(string text, int max)
    {
        var line = text.ReplaceLineEndings("\n").Split('\n')[0].Trim();
        var info = new System.Globalization.StringInfo(line);
        return info.LengthInTextElements <= max ? line : info.SubstringByTextElements(0, max);
    }

    /// <summary>An absolute http or https URL of at most 512 characters.</summary>
    public static string Url(string? value, string field)
    {
        var text = SingleLine(value, field, 1, 512);
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? text
            : throw ApiException.BadRequest($"{field} must be an http or https URL");
    }

    private static string Check(string? value, string field, int min, int max, bool multiLine)
    {
        value ??= "";
        if (min > 0 && value.Trim().Length == 0) throw ApiException.BadRequest($"{field} is required");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                // Outside the BMP: format characters other than the tags emoji flags are built of.
                var astral = char.ConvertToUtf32(c, value[i + 1]);
                if (!multiLine && IsInvisibleAstral(astral)) throw ApiException.BadRequest($"{field} holds an invisible formatting character");
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) throw ApiException.BadRequest($"{field} holds broken unicode");
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
                throw ApiException.BadRequest($"{field} holds a control character");
            if (IsBidiControl(c) || (!multiLine && (IsInvisibleFormat(c) || IsBlankLetter(c))))
                throw ApiException.BadRequest($"{field} holds an invisible formatting character");
        }
        // Before counting characters: counting a huge value costs, and its size alone refuses it.
        if (value.Length > (long)max * UnitsPerCharacter) throw ApiException.BadRequest($"{field} must be {min} to {max} characters");
        var length = new System.Globalization.StringInfo(value).LengthInTextElements;
        if (length < min || length > max) throw ApiException.BadRequest($"{field} must be {min} to {max} characters");
        return value;
    }

    /// <summary>Embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and the marks U+200E/U+200F, U+061C.</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    /// <summary>
    /// Letters and symbols that draw nothing, which make a name look empty or like another: the
    /// Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the blank Braille pattern (U+2800).
    /// </summary>
    private static bool IsBlankLetter(char c) => c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800';

    /// <summary>A format character outside the BMP (U+1D173-1D17A, U+E0001, ...), except the tag characters U+E0020-E007F of emoji flags.</summary>
    private static bool IsInvisibleAstral(int codePoint) =>
        codePoint is not (>= 0xE0020 and <= 0xE007F)
        && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(codePoint) == System.Globalization.UnicodeCategory.Format;

    /// <summary>Format characters (category Cf) other than the zero-width joiner; tag characters are surrogate pairs and pass above.</summary>
    private static bool IsInvisibleFormat(char c) =>
        c != '\u200D' && char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}
