namespace Mmx.Api.Validation;

/// <summary>
/// Text rules shared by every input: length in characters (as a person counts them, so one emoji
/// is one), no control characters, no broken UTF-16.
/// </summary>
public static class Text
{
    /// <summary>A one-line value: names, titles, phone numbers.</summary>
    public static string SingleLine(string? value, string field, int min, int max) =>
        Check(value, field, min, max, multiLine: false);

    /// <summary>A free text that may hold line breaks and tabs: intros, contents, descriptions.</summary>
    public static string MultiLine(string? value, string field, int min, int max) =>
        Check(value, field, min, max, multiLine: true);

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
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) throw ApiException.BadRequest($"{field} holds broken unicode");
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
                throw ApiException.BadRequest($"{field} holds a control character");
        }
        var length = new System.Globalization.StringInfo(value).LengthInTextElements;
        if (length < min || length > max) throw ApiException.BadRequest($"{field} must be {min} to {max} characters");
        return value;
    }
}
