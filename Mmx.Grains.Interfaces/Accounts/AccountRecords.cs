namespace Mmx.Grains.Accounts;

// Messages of the accounts area. Never renumber an [Id] or change an [Alias] once stored.

/// <summary>What a new account starts with (registration through a verified phone).</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.NewAccount")]
public sealed record NewAccount
{
    [Id(0)] public required string Phone { get; init; }
    [Id(1)] public required long Mcode { get; init; }
    [Id(2)] public required string PasswordHash { get; init; }
    /// <summary>The third-party identity ("{mode}:{openID}") that made the account, or empty.</summary>
    [Id(3)] public string OpenIdKey { get; init; } = "";
}

/// <summary>A user's profile as /user/personal shows it (without the qcode URL, which the API builds).</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.Profile")]
public sealed record Profile
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public string Portrait { get; init; } = "";
    /// <summary>1 male, 2 female, 0 not set.</summary>
    [Id(2)] public int Gender { get; init; }
    /// <summary>City id, 0 when not set.</summary>
    [Id(3)] public long City { get; init; }
    /// <summary>The bound phone, empty when none.</summary>
    [Id(4)] public string Phone { get; init; } = "";
    [Id(5)] public long Mcode { get; init; }
}

/// <summary>
/// The profile attributes one edit changes (null: left as it is), applied by the user grain to its
/// own current profile, so two edits of different attributes at once both land.
/// </summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.ProfileChange")]
public sealed record ProfileChange
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Portrait { get; init; }
    [Id(2)] public int? Gender { get; init; }
    [Id(3)] public long? City { get; init; }
}

/// <summary>
/// What the API front needs to check a password: the stored hash, and whether the account is
/// locked after too many wrong passwords. The password itself never reaches a grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.LoginChallenge")]
public sealed record LoginChallenge
{
    /// <summary>Empty for an account without a password (third-party). Id 1 (a lock-out flag) is retired: the login guard grains hold that now.</summary>
    [Id(0)] public required string PasswordHash { get; init; }
    /// <summary>The third-party identity ("{mode}:{openID}") that made the account, or empty: what a provider can vouch for.</summary>
    [Id(2)] public string OpenIdKey { get; init; } = "";
    /// <summary>An operator disabled the account: a matching password opens nothing (err 3).</summary>
    [Id(3)] public bool Disabled { get; init; }
}

/// <summary>
/// A login the API front (or an identity grain) has already proven (the password matched, or the
/// provider vouched): the session to open. Id 0, a "password matched" flag that was always true,
/// is retired.
/// </summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.LoginAttempt")]
public sealed record LoginAttempt
{
    [Id(1)] public string Device { get; init; } = "";
    /// <summary>SHA-256 of the new session token (hex); the token itself is never stored.</summary>
    [Id(2)] public required string TokenHash { get; init; }
    /// <summary>A fresh hash when the stored one uses older parameters; null to keep it.</summary>
    [Id(3)] public string? UpgradedHash { get; init; }
}

/// <summary>A delivery address; <see cref="Id"/> is unique across users and never reused.</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.Address")]
public sealed record Address
{
    [Id(0)] public required long Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Phone { get; init; }
    [Id(3)] public required string Street { get; init; }
    [Id(4)] public required string Postcode { get; init; }
}

/// <summary>The fields of an address a user sends (add or change).</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.AddressFields")]
public sealed record AddressFields
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string Phone { get; init; }
    [Id(2)] public required string Street { get; init; }
    [Id(3)] public required string Postcode { get; init; }
}

/// <summary>A change to an address: only the fields given (not null) change.</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.AddressChange")]
public sealed record AddressChange
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Phone { get; init; }
    [Id(2)] public string? Street { get; init; }
    [Id(3)] public string? Postcode { get; init; }
}

/// <summary>A user's addresses with the default one (0 when none).</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.AddressBook")]
public sealed record AddressBook
{
    [Id(0)] public required ImmutableArray<Address> Addresses { get; init; }
    [Id(1)] public required long DefaultId { get; init; }
}

/// <summary>One feedback message. <see cref="Direction"/>: 1 from the user, 2 to the user.</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.FeedbackEntry")]
public sealed record FeedbackEntry
{
    public const int FromUser = 1;
    public const int ToUser = 2;
    /// <summary>The longest message, in characters, either way.</summary>
    public const int MaxContentLength = 1000;

    [Id(0)] public required string Content { get; init; }
    /// <summary>Unix seconds.</summary>
    [Id(1)] public required long Time { get; init; }
    [Id(2)] public required int Direction { get; init; }
}

/// <summary>A text message as the SMS outbox keeps it (embedded default only).</summary>
[GenerateSerializer, Immutable, Alias("mmx.accounts.SmsMessage")]
public sealed record SmsMessage
{
    [Id(0)] public required string Phone { get; init; }
    [Id(1)] public required string Text { get; init; }
    [Id(2)] public required string Code { get; init; }
    /// <summary>Unix seconds.</summary>
    [Id(3)] public required long Time { get; init; }
}
