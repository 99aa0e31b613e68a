namespace Mmx.Grains.ShopLife;

/// <summary>
/// One per shop (key: shop id): who is in the shop right now (in memory, deliberately not
/// persisted) and who follows it (persisted). Pushes its counts to the city directory that lists
/// the shop, at most a couple of seconds after they change.
/// </summary>
[Alias("mmx.shoplife.IShopLifeGrain")]
public interface IShopLifeGrain : IGrainWithIntegerKey
{
    /// <summary>Counts the user in the shop (once, however often). NotFound for an unknown shop.</summary>
    [Alias("Enter")]
    Task<Err> Enter(long accId);

    /// <summary>Stops counting the user (and forgets that they were in). Idempotent. NotFound for an unknown shop.</summary>
    [Alias("Exit")]
    Task<Err> Exit(long accId);

    /// <summary>
    /// The customer count poll; NotFound for an unknown shop. Like <see cref="Heard"/>, it keeps
    /// the user counted, or counts them again.
    /// </summary>
    [Alias("Poll")]
    Task<Outcome<long>> Poll(long accId);

    /// <summary>
    /// The user asked about this shop (its info, goods, activities): a user who entered it and
    /// has not left (by exit or by entering another shop) stays counted, or is counted again when
    /// their presence had lapsed. Nothing for anyone else (0: nobody). One-way: the request that
    /// mentions the shop does not wait for it (a goods page from the front's catalogue copy makes
    /// no call it waits for), and presence is kept again by the user's next request if one is lost.
    /// </summary>
    [Alias("Heard"), OneWay]
    Task Heard(long accId);

    /// <summary>
    /// The shop's details (a copy of its shop grain's, see <see cref="DetailsChanged"/>) and the
    /// live counts, with whether the given user (0: nobody) follows it; NotFound for an unknown shop.
    /// Also <see cref="Heard"/> for that user.
    /// </summary>
    [Alias("Info")]
    Task<Outcome<ShopInfo>> Info(long accId);

    /// <summary>Takes the shop's details as an import gives them (every import tells each of its shops, changed or not). Idempotent.</summary>
    [Alias("DetailsChanged")]
    Task DetailsChanged(Mmx.Grains.Catalogue.Shop shop);

    /// <summary>
    /// Makes the user a fan, taking the shop's messages or not (<c>msgEnable</c>), in one call and
    /// at most one write. Idempotent: a user counts once. NotFound for an unknown shop.
    /// </summary>
    [Alias("SetFan")]
    Task<Err> SetFan(long accId, bool messagesOn);

    /// <summary>Removes a fan. Idempotent.</summary>
    [Alias("RemoveFan")]
    Task RemoveFan(long accId);

    /// <summary>The fans whose messages are on, in rising accID order, after <paramref name="afterAccId"/>; at most <paramref name="count"/>.</summary>
    [Alias("MessageRecipients"), ReadOnly]
    Task<ImmutableArray<long>> MessageRecipients(long afterAccId, int count);

    /// <summary>A page of the shop's fans, newest fan first (ties: higher accID first), the shop withdrawn or not: its merchant's view.</summary>
    [Alias("Fans"), ReadOnly]
    Task<Catalogue.Page<ShopFan>> Fans(int offset, int count);

    /// <summary>Those of these users who are fans taking the shop's messages.</summary>
    [Alias("RecipientsAmong"), ReadOnly]
    Task<ImmutableArray<long>> RecipientsAmong(ImmutableArray<long> accIds);

    /// <summary>How many fans take the shop's messages now.</summary>
    [Alias("MessageRecipientCount"), ReadOnly]
    Task<int> MessageRecipientCount();

    /// <summary>
    /// Subscribes (or renews) a front that shows this shop's live count on the event streams of
    /// <paramref name="viewers"/>: it hears each change, at most about once a second. An open
    /// stream keeps its user counted (contract, Presence), so the viewers who entered the shop are
    /// <see cref="Heard"/>. Answers the count now.
    /// </summary>
    [Alias("WatchCustomers")]
    Task<long> WatchCustomers(Messages.IShopCustomersObserver observer, ImmutableArray<long> viewers);

    [Alias("UnwatchCustomers")]
    Task UnwatchCustomers(Messages.IShopCustomersObserver observer);
}
