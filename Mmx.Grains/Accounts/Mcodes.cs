using System.Security.Cryptography;

namespace Mmx.Grains.Accounts;

/// <summary>喵喵号: a random 9-digit number (not guessable from the accID), unique through the index shard that holds it.</summary>
internal static class Mcodes
{
    public const long Min = 100_000_000;
    public const long Max = 999_999_999;

    public static async Task<long> ClaimNew(IGrainFactory grains, long accId)
    {
        // With a billion codes a collision is rare; a handful of tries is plenty.
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var mcode = Min + RandomNumberGenerator.GetInt32(0, (int)(Max - Min + 1));
            if (await grains.GetGrain<IMcodeIndexGrain>(IMcodeIndexGrain.ShardOf(mcode)).Claim(mcode, accId) == Err.Ok) return mcode;
        }
        throw new InvalidOperationException("No free mcode found.");
    }
}
