using System.Globalization;

namespace Mmx.Grains.Chat;

public enum ChatRoomKind
{
    /// <summary><c>shop_{sid}</c>: everyone in the shop.</summary>
    Shop = 1,
    /// <summary><c>e2e_{a}_{b}</c>, larger id first: two friends.</summary>
    Pair = 2,
    /// <summary><c>users_{creator}{unix seconds}</c>: a group made by PULL_US.</summary>
    Group = 3,
}

/// <summary>A room name (<c>gname</c>) as the apps write it, read and checked (contract, "The chat socket").</summary>
public sealed record ChatRoomName(ChatRoomKind Kind, string Value, long ShopId = 0, long First = 0, long Second = 0)
{
    public const string ShopPrefix = "shop_", PairPrefix = "e2e_", GroupPrefix = "users_";

    public static string OfShop(long shopId) => ShopPrefix + shopId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The two users' room, the larger id first (as the iOS app builds it).</summary>
    public static string OfPair(long a, long b) => $"{PairPrefix}{Math.Max(a, b)}_{Math.Min(a, b)}";

    public static string OfGroup(long creator, long unixSeconds) => $"{GroupPrefix}{creator}{unixSeconds}";

    /// <summary>The name read, or null when it is none of the three forms (a pair's ids must differ and come larger first).</summary>
    public static ChatRoomName? Parse(string? text)
    {
        if (text is null || text.Length > 64) return null;
        if (text.StartsWith(ShopPrefix, StringComparison.Ordinal) && Number(text[ShopPrefix.Length..]) is { } shop)
            return new ChatRoomName(ChatRoomKind.Shop, text, ShopId: shop);
        if (text.StartsWith(PairPrefix, StringComparison.Ordinal) && text[PairPrefix.Length..].Split('_') is [var a, var b]
            && Number(a) is { } first && Number(b) is { } second && first > second)
            return new ChatRoomName(ChatRoomKind.Pair, text, First: first, Second: second);
        if (text.StartsWith(GroupPrefix, StringComparison.Ordinal) && text[GroupPrefix.Length..] is { Length: > 10 and <= 40 } group && group.All(char.IsAsciiDigit))
            return new ChatRoomName(ChatRoomKind.Group, text);
        return null;
    }

    /// <summary>Whether a pair room names this user.</summary>
    public bool Names(long user) => First == user || Second == user;

    /// <summary>The other user of a pair room.</summary>
    public long Other(long user) => First == user ? Second : First;

    private static long? Number(string digits) =>
        digits.Length is > 0 and <= 18 && digits.All(char.IsAsciiDigit) && digits[0] != '0'
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
