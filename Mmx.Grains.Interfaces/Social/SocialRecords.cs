namespace Mmx.Grains.Social;

// Messages of the social area. Never renumber an [Id] or change an [Alias] once stored.

/// <summary>Where a pair of users stands. Preparing and Unfriending are the middle of a change.</summary>
[GenerateSerializer, Alias("mmx.social.FriendshipStatus")]
public enum FriendshipStatus
{
    None = 0,
    Invited = 1,
    /// <summary>An accept in progress: not friends yet, as far as anyone can see.</summary>
    Preparing = 2,
    Friends = 3,
    /// <summary>An unfriend in progress: still friends, as far as anyone can see.</summary>
    Unfriending = 4,
}

/// <summary>One of a user's friends, with the user's own remark name for them.</summary>
[GenerateSerializer, Immutable, Alias("mmx.social.Friend")]
public sealed record Friend
{
    [Id(0)] public required long FriendId { get; init; }
    [Id(1)] public string Remark { get; init; } = "";
    /// <summary>Unix seconds.</summary>
    [Id(2)] public long Since { get; init; }
}

/// <summary>An invitation a user received.</summary>
[GenerateSerializer, Immutable, Alias("mmx.social.Invitation")]
public sealed record Invitation
{
    [Id(0)] public required long From { get; init; }
    [Id(1)] public string Remark { get; init; } = "";
    /// <summary>Unix seconds.</summary>
    [Id(2)] public long Time { get; init; }
}

/// <summary>What a user lets friends see. All on by default.</summary>
[GenerateSerializer, Immutable, Alias("mmx.social.PrivacySettings")]
public sealed record PrivacySettings
{
    [Id(0)] public bool FavoriteEnable { get; init; } = true;
    [Id(1)] public bool FansEnable { get; init; } = true;
    [Id(2)] public bool VisitEnable { get; init; } = true;
}

/// <summary>The privacy switches one request sets (null: left as it is), applied by the user's own grain.</summary>
[GenerateSerializer, Immutable, Alias("mmx.social.PrivacyChange")]
public sealed record PrivacyChange
{
    [Id(0)] public bool? FavoriteEnable { get; init; }
    [Id(1)] public bool? FansEnable { get; init; }
    [Id(2)] public bool? VisitEnable { get; init; }
}

public static class FriendshipKey
{
    /// <summary>The key of the grain of a pair: the same whoever asks ("small-large").</summary>
    public static string Of(long a, long b) => a < b ? $"{a}-{b}" : $"{b}-{a}";
}
