using Mmx.Grains.Messages;

namespace Mmx.Api.Live;

/// <summary>
/// Something on this front that shows one user's live events: an event stream (<c>/user/events</c>)
/// or a chat socket (<c>/chat/</c>). <see cref="EventHub"/> feeds every listener of a user from the
/// same subscription, so what a user is told has one source whatever the client speaks.
/// </summary>
public interface IUserListener
{
    /// <summary>Why the hub closes a listener.</summary>
    const string TooMany = "too many streams", Finished = "closed";

    long AccId { get; }
    /// <summary>Whether it shows the live customer count of the shop its user is in.</summary>
    bool WatchesCustomers { get; }
    /// <summary>The shop whose count it shows (0: none); changed by <see cref="EventHub"/> only.</summary>
    long ShopId { get; set; }
    /// <summary>Cancelled when it has ended.</summary>
    CancellationToken Closed { get; }

    /// <summary>A user event (not <see cref="UserEventKind.InShop"/>, which the hub handles); must not block.</summary>
    void OnUserEvent(UserEvent userEvent);
    /// <summary>The count of <see cref="ShopId"/>; must not block.</summary>
    void OnCustomers(long shopId, long count);
    void Close(string reason);
}
