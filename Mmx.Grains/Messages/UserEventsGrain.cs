using Mmx.Grains.Accounts;
using Mmx.Grains.Messages.Push;
using Orleans.Utilities;

namespace Mmx.Grains.Messages;

/// <summary>
/// See <see cref="IUserEventsGrain"/>. Holds no stored state, so activating it costs no storage
/// read; a user with no stream is deactivated again after the event, so a fan-out to 100,000 fans
/// leaves no 100,000 idle activations behind.
/// </summary>
public sealed class UserEventsGrain(PushQueue push, [FromKeyedServices(MmxClock.Key)] TimeProvider time, ILogger<UserEventsGrain> logger)
    : Grain, IUserEventsGrain
{
    private long _lastSocketSeq;

    /// <summary>A front renews its subscription every minute (Mmx:Events:RenewSeconds); one silent this long is gone.</summary>
    public static readonly TimeSpan SubscriptionLapses = TimeSpan.FromMinutes(3);

    private readonly ObserverManager<IUserEventsObserver> _fronts = new(SubscriptionLapses, logger);

    private long AccId => this.GetPrimaryKeyLong();

    public Task Subscribe(IUserEventsObserver observer)
    {
        _fronts.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IUserEventsObserver observer)
    {
        _fronts.Unsubscribe(observer);
        if (_fronts.Count == 0) DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task<long> ChatSocketOpened(string socketId)
    {
        _lastSocketSeq = Math.Max(_lastSocketSeq + 1, time.GetUtcNow().UtcTicks);
        await Publish(UserEvent.ChatSocket(socketId, _lastSocketSeq));
        return _lastSocketSeq;
    }

    public async Task Publish(UserEvent userEvent)
    {
        _fronts.ClearExpired();
        if (_fronts.Count > 0)
        {
            var named = userEvent.Friend is { NickName.Length: 0 } friend && await ProfileOf(friend.Uid) is var (name, portrait)
                ? UserEvent.Of(friend with { NickName = name, Portrait = portrait })
                : userEvent;
            // One-way calls: nothing here waits for a front.
            _fronts.Notify(front => { _ = front.OnUserEvent(AccId, named); });
            return;
        }
        // No stream anywhere: a message becomes a push notice; the rest only matters to a live stream.
        if (userEvent.Message is { } entry)
        {
            var m = entry.Message;
            push.Enqueue(new PushNotice { Uid = AccId, Title = m.ShopName.Length > 0 ? $"{m.ShopName}: {m.Title}" : m.Title, Body = m.Content, MsgId = m.MsgId, Kind = m.Kind, ShopId = m.ShopId, Time = m.Time });
        }
        DeactivateOnIdle();
    }

    /// <summary>The other user's nickname and portrait for a friend event; empty when they cannot be had (an erased account).</summary>
    private async Task<(string Name, string Portrait)> ProfileOf(long accId)
    {
        try
        {
            var profile = (await GrainFactory.GetGrain<IUserGrain>(accId).GetProfile()).Value;
            return (profile?.Name ?? "", profile?.Portrait ?? "");
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "No nickname for user {AccId}'s friend event", accId);
            return ("", "");
        }
    }
}
