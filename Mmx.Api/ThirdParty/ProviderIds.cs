namespace Mmx.Api.ThirdParty;

/// <summary>What a provider's ids and codes look like on MMX's routes.</summary>
public static class ProviderIds
{
    /// <summary>Provider ids are word characters (the spec's <c>(\w+)</c>): letters, digits, '_' and '-'.</summary>
    public static string Required(string? value, string field, int maxLength = 128) =>
        value is { Length: > 0 } && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? value
            : throw ApiException.BadRequest($"{field} must be 1 to {maxLength} letters, digits, '_' or '-'");
}
