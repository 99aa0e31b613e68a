namespace Mmx.Api.Validation;

/// <summary>Mainland mobile numbers: 11 digits starting with 1, an optional +86 or 86 prefix stripped.</summary>
public static class Phone
{
    public static string? Normalize(string? text)
    {
        if (text is null) return null;
        var phone = text.Trim();
        if (phone.StartsWith("+86", StringComparison.Ordinal)) phone = phone[3..];
        else if (phone.Length == 13 && phone.StartsWith("86", StringComparison.Ordinal)) phone = phone[2..];
        return phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit) ? phone : null;
    }

    public static string Required(string? text, string field = "phone") =>
        Normalize(text) ?? throw ApiException.BadRequest($"{field} must be a mainland mobile number (11 digits starting with 1)");
}
