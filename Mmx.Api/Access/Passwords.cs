using System.Security.Cryptography;
using System.Text;

namespace Mmx.Api.Access;

/// <summary>
/// Password hashing with the framework's PBKDF2-HMAC-SHA512. The stored form names its version and
/// parameters (<c>v1$pbkdf2-sha512$210000$salt$hash</c>), so the cost can be raised later: a hash
/// made with fewer iterations is replaced at the next successful login. Hashing runs in the API
/// front, so passwords never travel to a silo and the ~0.1 s of work per hash stays off grain turns.
/// </summary>
public static class Passwords
{
    public const int MinLength = 6;
    public const int MaxLength = 128;
    public const int Iterations = 210_000;
    private const string Scheme = "v1$pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>A hash of a password nobody has, checked for unknown accounts so that they take as long as known ones.</summary>
    private static readonly string Decoy = Hash("decoy-password-for-timing");

    /// <summary>A new password (sign-up, reset): its length, no control characters, not one of the most used.</summary>
    public static string Validate(string? password)
    {
        if (password is not { Length: >= MinLength and <= MaxLength } || password.Any(char.IsControl))
            throw ApiException.BadRequest($"password must be {MinLength} to {MaxLength} characters");
        if (CommonPasswords.Contains(password)) throw ApiException.BadRequest("this password is too common; choose another");
        return password;
    }

    /// <summary>A password offered as proof (login, the old one of a change): present and not over the maximum; err 1 otherwise.</summary>
    public static string Offered(string? password, string field = "password") =>
        password is { Length: > 0 and <= MaxLength } ? password : throw ApiException.BadRequest($"{field} is required");

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(Canonical(password), salt, Iterations);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>
    /// The shipped clients send the hex MD5 of what the user typed, the iOS app in upper case and
    /// the web client in lower case (contract: "Sessions"): 32 hex digits are compared in lower
    /// case, so one account logs in from both.
    /// </summary>
    public static string Canonical(string password) =>
        password.Length == 32 && password.All(char.IsAsciiHexDigit) ? password.ToLowerInvariant() : password;

    /// <summary>
    /// Whether the password matches; <paramref name="needsUpgrade"/> when the hash uses older
    /// parameters, or was made before hex passwords were compared in lower case.
    /// </summary>
    public static bool Verify(string password, string stored, out bool needsUpgrade)
    {
        var canonical = Canonical(password);
        if (VerifyExactly(canonical, stored, out needsUpgrade)) return true;
        // A hash stored from an upper-case hex password before the rule: checked once more as sent.
        if (canonical == password || !VerifyExactly(password, stored, out _)) return false;
        needsUpgrade = true;
        return true;
    }

    private static bool VerifyExactly(string password, string stored, out bool needsUpgrade)
    {
        needsUpgrade = false;
        var parts = stored.Split('$');
        if (parts.Length != 5 || $"{parts[0]}${parts[1]}" != Scheme || !int.TryParse(parts[2], out var iterations)) return false;
        var expected = Convert.FromBase64String(parts[4]);
        var actual = Derive(password, Convert.FromBase64String(parts[3]), iterations, expected.Length);
        var matched = CryptographicOperations.FixedTimeEquals(actual, expected);
        needsUpgrade = matched && iterations < Iterations;
        return matched;
    }

    /// <summary>Spends the same time as a real check, for an account that does not exist.</summary>
    public static void VerifyDecoy(string password) => Verify(password, Decoy, out _);

    /// <summary>
    /// Checks the password against a stored hash; where there is none (an unknown account, or a
    /// third-party one without a password) against the decoy, so that the answer takes as long.
    /// </summary>
    public static bool VerifyOrDecoy(string password, string? stored, out bool needsUpgrade)
    {
        if (stored is { Length: > 0 }) return Verify(password, stored, out needsUpgrade);
        VerifyDecoy(password);
        needsUpgrade = false;
        return false;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, length);
}
