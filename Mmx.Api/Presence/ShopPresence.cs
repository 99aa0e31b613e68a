using Mmx.Grains.ShopLife;

namespace Mmx.Api.Presence;

/// <summary>
/// The shipped iOS app never polls /user/shop/customer: a logged-in user's requests about a shop
/// (its goods, a goods item, its activities; shop info and the poll do it in their own call) tell
/// the shop, which keeps the user counted if they are in it (contract, Presence).
/// </summary>
public static class ShopPresence
{
    public static async Task Heard(HttpContext context, IGrainFactory grains, long shopId)
    {
        if (await Sessions.OptionalAccId(context) is { } accId) await grains.GetGrain<IShopLifeGrain>(shopId).Heard(accId);
    }
}
