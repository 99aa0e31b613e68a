using Mmx.Api.Lookups;
using System.Globalization;
using Mmx.Grains.Accounts;

namespace Mmx.Api.Validation;

/// <summary>
/// An mcode or a user id as people type it (contract: "Sessions"): the apps show both with a
/// leading <c>m</c> (<c>m472838021</c>, <c>m10004</c>), which is dropped; 9 digits are an mcode,
/// other numbers an accID.
/// </summary>
public static class AccountNumber
{
    public const int McodeLength = 9;

    /// <summary>The digits of an mcode or id, without a leading m; null when it is not one.</summary>
    public static string? Digits(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (t[0] is 'm' or 'M') t = t[1..];
        return t.Length is > 0 and <= 18 && t.All(char.IsAsciiDigit) ? t : null;
    }

    /// <summary>A 9-digit mcode, with or without its m; err 1 otherwise.</summary>
    public static long Mcode(string? text, string field = "mcode") =>
        Digits(text) is { Length: McodeLength } digits
            ? long.Parse(digits, CultureInfo.InvariantCulture)
            : throw ApiException.BadRequest($"{field} must be a 9-digit mcode");

    /// <summary>Whether the text is an mcode or an id at all (with or without its m).</summary>
    public static bool IsAccountNumber(string? text) => Digits(text) is not null;

    /// <summary>
    /// The account an mcode or accID names, or null when none does (an accID is checked to exist
    /// only when <paramref name="checkExists"/>); err 1 when the text is neither.
    /// </summary>
    public static async Task<long?> Resolve(IGrainFactory grains, KnownIds known, string? text, string field, bool checkExists)
    {
        var digits = Digits(text) ?? throw ApiException.BadRequest($"{field} must be an mcode or a user id");
        var number = long.Parse(digits, CultureInfo.InvariantCulture);
        if (digits.Length == McodeLength) return await McodeOwner(grains, number);
        return await (checkExists ? known.IsAccount(number) : known.MayBeAccount(number)) ? number : null;
    }

    /// <summary>The account holding an mcode, from the index shard's memory (no grain per number).</summary>
    public static Task<long?> McodeOwner(IGrainFactory grains, long mcode) =>
        grains.GetGrain<IMcodeIndexGrain>(IMcodeIndexGrain.ShardOf(mcode)).Owner(mcode);
}
