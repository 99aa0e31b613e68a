using PhoneNumbers;

namespace Mmx.Api.Validation;

/// <summary>
/// Mainland mobile numbers as people write them, read by libphonenumber (Google's number plan
/// data): <c>+86 138 0013 8000</c>, <c>138-0013-8000</c>, <c>(+86)13800138000</c> and
/// <c>8613800138000</c> are one number, kept as its 11 national digits. A number that is not a
/// mainland mobile number in the plan (<c>12000000000</c>, a landline, another country's) is none.
/// </summary>
public static class Phone
{
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();
    private const int ChinaCode = 86;

    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 32) return null;
        // Digits and the punctuation people put between them only: the library would read letters
        // as an extension ("…8000x12") or as a keypad's (1-800-FLOWERS).
        if (!trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')' or '.')) return null;
        // "8613800138000" is how some address books store a number: the country code without its +.
        if (trimmed.Length == 13 && trimmed.StartsWith("86", StringComparison.Ordinal) && trimmed.All(char.IsAsciiDigit)) trimmed = "+" + trimmed;
        try
        {
            var number = Numbers.Parse(trimmed, "CN");
            if (number.CountryCode != ChinaCode || !Numbers.IsValidNumberForRegion(number, "CN")) return null;
            if (Numbers.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE)) return null;
            var national = Numbers.GetNationalSignificantNumber(number);
            return national.Length == 11 && national[0] == '1' ? national : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string Required(string? text, string field = "phone") =>
        Normalize(text) ?? throw ApiException.BadRequest($"{field} must be a mainland mobile number (11 digits starting with 1)");
}
