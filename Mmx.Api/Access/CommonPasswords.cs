using System.Security.Cryptography;
using System.Text;

namespace Mmx.Api.Access;

/// <summary>
/// Passwords on the list of the most used ones (Accounts/common-passwords.txt) are refused at
/// sign-up, reset and binding: they fall to the first guesses of anyone who tries. The shipped
/// apps send the hex MD5 of what the user typed, so the MD5s of the list are refused too.
/// Logging in with one set earlier still works: the list only keeps new ones out.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> Refused = new(Load);

    public static bool Contains(string password) => Refused.Value.Contains(password.ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Mmx.Api.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine()?.Trim() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            refused.Add(line);
            refused.Add(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(line))));
        }
        return refused;
    }
}
