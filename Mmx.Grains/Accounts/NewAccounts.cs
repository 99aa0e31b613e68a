namespace Mmx.Grains.Accounts;

/// <summary>
/// The steps every way of signing up shares (phone registration, a third-party first login): ids
/// are reserved first and stored by the caller as pending, then the account is created at them, so
/// a retry after a failure completes the same account instead of making a second one.
/// </summary>
internal static class NewAccounts
{
    /// <summary>A fresh accID and a fresh mcode held by it.</summary>
    public static async Task<(long AccId, long Mcode)> Reserve(IGrainFactory grains)
    {
        var accId = await grains.GetGrain<IAccountIdGrain>(IAccountIdGrain.Key).Next();
        return (accId, await Mcodes.ClaimNew(grains, accId));
    }

    /// <summary>Creates the account at its reserved id; repeating it is a no-op.</summary>
    public static async Task Create(IGrainFactory grains, long accId, NewAccount account)
    {
        if (await grains.GetGrain<IUserGrain>(accId).Create(account) != Err.Ok)
        {
            throw new InvalidOperationException($"Account {accId} already holds another account.");
        }
    }
}
