using System.Diagnostics;
using System.Security.Cryptography;

namespace Mmx.Bench;

/// <summary>
/// The cost of one password hash as the API computes it (PBKDF2-HMAC-SHA512, 210,000 iterations,
/// 16-byte salt, 64-byte key): the bound on logins per second per core.
/// </summary>
public static class KdfCost
{
    public static int Run(Options options)
    {
        var rounds = options.Int("rounds", 20);
        var salt = RandomNumberGenerator.GetBytes(16);
        Rfc2898DeriveBytes.Pbkdf2("warm-up", salt, 210_000, HashAlgorithmName.SHA512, 64);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) Rfc2898DeriveBytes.Pbkdf2($"password-{i}", salt, 210_000, HashAlgorithmName.SHA512, 64);
        var ms = watch.Elapsed.TotalMilliseconds / rounds;
        Console.WriteLine($"KDF ms_per_hash={ms:F1} hashes_per_core_per_s={1000 / ms:F1} cores={Environment.ProcessorCount}");
        return 0;
    }
}
