namespace Mmx.Grains.Messages;

/// <summary>
/// One per account (key: accID), in memory only: the fronts that hold this user's event streams
/// (subscriptions lapse unless renewed, so a front that died is forgotten) and the user's events on
/// their way to them. An event for a user with no stream goes to the push sender when it is a
/// message (a phone that is not connected), and is dropped otherwise: nothing here is the truth
/// (the inbox and the friend lists are), so losing this grain loses nothing a client cannot read.
/// </summary>
[Alias("mmx.messages.IUserEventsGrain")]
public interface IUserEventsGrain : IGrainWithIntegerKey
{
    /// <summary>Subscribes (or renews) a front's observer.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IUserEventsObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IUserEventsObserver observer);

    [OneWay, Alias("Publish")]
    Task Publish(UserEvent userEvent);

    /// <summary>
    /// A chat socket of this user opened: answers its place in the order of the account's sockets
    /// (rising, also across a restart of this grain: never below the clock's ticks) and tells every
    /// front, so that each earlier socket gives way (a late event of an earlier socket never closes a
    /// later one).
    /// </summary>
    [Alias("ChatSocketOpened")]
    Task<long> ChatSocketOpened(string socketId);
}
