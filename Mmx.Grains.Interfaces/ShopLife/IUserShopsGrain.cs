namespace Mmx.Grains.ShopLife;

/// <summary>
/// One per account (key: accID): the shop the user is in, the shops they follow (with message
/// settings), the goods they saved and the shops they visited.
/// </summary>
[Alias("mmx.shoplife.IUserShopsGrain")]
public interface IUserShopsGrain : IGrainWithIntegerKey
{
    /// <summary>Enters a shop (leaving the one the user was in) and records the visit. NotFound for an unknown shop.</summary>
    [Alias("Enter")]
    Task<Err> Enter(long shopId);

    /// <summary>Leaves a shop. Idempotent. NotFound for an unknown shop.</summary>
    [Alias("Exit")]
    Task<Err> Exit(long shopId);

    /// <summary>Follows a shop (the caller checked it exists); following twice is following once. LimitReached.</summary>
    [Alias("Follow")]
    Task<Err> Follow(long shopId);

    /// <summary>Stops following a shop. Idempotent.</summary>
    [Alias("Unfollow")]
    Task Unfollow(long shopId);

    /// <summary>The followed shops, newest first.</summary>
    [Alias("FanShops"), ReadOnly]
    Task<ImmutableArray<FanShop>> FanShops();

    /// <summary>Switches shop messages on or off for one followed shop, or for all (shopId -1). NotFound when not followed.</summary>
    [Alias("SetMessages")]
    Task<Err> SetMessages(long shopId, bool on);

    /// <summary>Saves a goods item (the caller checked it exists); saving twice is saving once. LimitReached.</summary>
    [Alias("Favorite")]
    Task<Err> Favorite(long goodsId);

    /// <summary>Forgets a saved goods item. Idempotent.</summary>
    [Alias("Unfavorite")]
    Task Unfavorite(long goodsId);

    /// <summary>The saved goods, newest first.</summary>
    [Alias("Favorites"), ReadOnly]
    Task<ImmutableArray<FavoriteGoods>> Favorites();

    /// <summary>
    /// Distinct visited shops with their last visit, newest first: direct 1 visits older than
    /// <paramref name="time"/> (0: from now), direct 2 the ones just newer than it. A page is
    /// never cut inside one second (it answers more than <paramref name="count"/> then), so a
    /// client that asks for the next page by the last item's time misses no visit.
    /// </summary>
    [Alias("Visits"), ReadOnly]
    Task<ImmutableArray<Visit>> Visits(long time, int direct, int count);

    /// <summary>
    /// Erases the user's shop life: leaves the shop they are in, unfollows every shop and forgets
    /// every saved goods item (so the shops' fan sets and the goods' saver sets lose them), then
    /// deletes the lists and visits from storage. Idempotent.
    /// </summary>
    [Alias("Erase")]
    Task Erase();

    /// <summary>Sizes of the three lists.</summary>
    [Alias("Count"), ReadOnly]
    Task<FfvCount> Count();

    /// <summary>The shop the user entered last and has not left (0: none).</summary>
    [Alias("CurrentShop"), ReadOnly]
    Task<long> CurrentShop();
}
