namespace Mmx.Api.Validation;

/// <summary>The code an SMS carries as a person types it back: six digits, else err 1.</summary>
public static class SmsCode
{
    public static string Required(string? text, string field = "code") =>
        text?.Trim() is { Length: 6 } code && code.All(char.IsAsciiDigit) ? code : throw ApiException.BadRequest($"{field} must be 6 digits");
}
