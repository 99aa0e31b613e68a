using Mmx.Grains.Messages;
using Mmx.Grains.ShopLife;

namespace Mmx.Api.Live;

/// <summary>
/// This front's listeners (event streams and chat sockets, <see cref="IUserListener"/>), and its one
/// observer (for all of them) subscribed to the grains whose events they show: each user's
/// <see cref="IUserEventsGrain"/> (messages, friend events, entering and leaving shops, a chat
/// socket opened elsewhere) and each shown shop's <see cref="IShopLifeGrain"/> (customer counts).
/// Subscriptions lapse after 3 minutes unless renewed, which this service does every
/// <see cref="EventSettings.RenewSeconds"/>: a front that dies is forgotten by the grains, and a
/// grain that was lost with its silo is subscribed to again. See docs/decisions.md, "Live events".
/// </summary>
public sealed class EventHub(IGrainFactory grains, EventSettings settings, ILogger<EventHub> logger)
    : BackgroundService, IUserEventsObserver, IShopCustomersObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, List<IUserListener>> _users = [];
    private readonly Dictionary<long, HashSet<IUserListener>> _shops = [];
    private IUserEventsObserver? _userObserver;
    private IShopCustomersObserver? _shopObserver;

    private IUserEventsObserver UserObserver => _userObserver ??= grains.CreateObjectReference<IUserEventsObserver>(this);
    private IShopCustomersObserver ShopObserver => _shopObserver ??= grains.CreateObjectReference<IShopCustomersObserver>(this);

    /// <summary>Registers the listener; the user's oldest is closed when this is one too many. Subscribed when this returns.</summary>
    public async Task Open(IUserListener stream)
    {
        IUserListener? oldest = null;
        lock (_gate)
        {
            if (!_users.TryGetValue(stream.AccId, out var streams)) _users[stream.AccId] = streams = [];
            streams.Add(stream);
            if (streams.Count > settings.MaxStreamsPerUser)
            {
                oldest = streams[0];
                streams.RemoveAt(0);
            }
        }
        if (oldest is not null)
        {
            oldest.Close(IUserListener.TooMany);
            await Show(oldest, 0);
        }
        // Every open subscribes (a renewal when the user has a stream already): no race with a close.
        await grains.GetGrain<IUserEventsGrain>(stream.AccId).Subscribe(UserObserver);
    }

    /// <summary>Forgets the listener (idempotent); the last of a user's unsubscribes.</summary>
    public async Task Close(IUserListener stream)
    {
        stream.Close(IUserListener.Finished);
        bool last;
        lock (_gate)
        {
            if (!_users.TryGetValue(stream.AccId, out var streams) || !streams.Remove(stream)) last = false;
            else if (streams.Count == 0) last = _users.Remove(stream.AccId);
            else last = false;
        }
        await Show(stream, 0);
        if (!last) return;
        await grains.GetGrain<IUserEventsGrain>(stream.AccId).Unsubscribe(UserObserver);
        // A stream opened while unsubscribing must stay subscribed.
        if (HasStreams(stream.AccId)) await grains.GetGrain<IUserEventsGrain>(stream.AccId).Subscribe(UserObserver);
    }

    /// <summary>Makes the listener show this shop's count (0: none), with the count now.</summary>
    public async Task Show(IUserListener stream, long shopId)
    {
        long previous;
        bool lastThere;
        lock (_gate)
        {
            previous = stream.ShopId;
            if (previous == shopId) return;
            stream.ShopId = shopId;
            lastThere = previous != 0 && _shops.TryGetValue(previous, out var there) && there.Remove(stream) && there.Count == 0 && _shops.Remove(previous);
            if (shopId != 0 && !stream.Closed.IsCancellationRequested)
            {
                if (!_shops.TryGetValue(shopId, out var here)) _shops[shopId] = here = [];
                here.Add(stream);
            }
        }
        if (lastThere) await grains.GetGrain<IShopLifeGrain>(previous).UnwatchCustomers(ShopObserver);
        if (shopId == 0 || stream.Closed.IsCancellationRequested) return;
        // Watching answers the count now; each stream that joins a watched shop asks again (cheap, and never stale).
        var count = await grains.GetGrain<IShopLifeGrain>(shopId).WatchCustomers(ShopObserver, [stream.AccId]);
        if (stream.ShopId == shopId) stream.OnCustomers(shopId, count);
    }

    public Task OnUserEvent(long accId, UserEvent userEvent)
    {
        var streams = StreamsOf(accId);
        if (streams.Length == 0) return Task.CompletedTask;
        if (userEvent.Kind == UserEventKind.InShop)
        {
            foreach (var stream in streams.Where(s => s.WatchesCustomers)) _ = ShowLogged(stream, userEvent.ShopId);
            return Task.CompletedTask;
        }
        foreach (var stream in streams) stream.OnUserEvent(userEvent);
        return Task.CompletedTask;
    }

    public Task OnCustomers(long shopId, long customers)
    {
        IUserListener[] streams;
        lock (_gate) streams = _shops.TryGetValue(shopId, out var here) ? [.. here] : [];
        foreach (var stream in streams) stream.OnCustomers(shopId, customers);
        return Task.CompletedTask;
    }

    private async Task ShowLogged(IUserListener stream, long shopId)
    {
        try
        {
            await Show(stream, shopId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The stream of user {AccId} could not switch to shop {ShopId}", stream.AccId, shopId);
        }
    }

    private IUserListener[] StreamsOf(long accId)
    {
        lock (_gate) return _users.TryGetValue(accId, out var streams) ? [.. streams] : [];
    }

    private bool HasStreams(long accId)
    {
        lock (_gate) return _users.ContainsKey(accId);
    }

    /// <summary>Renews every subscription of this front, so that none lapses while its streams are open.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.RenewSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                long[] users;
                (long ShopId, ImmutableArray<long> Viewers)[] shops;
                lock (_gate)
                {
                    users = [.. _users.Keys];
                    shops = [.. _shops.Select(s => (s.Key, s.Value.Select(v => v.AccId).Distinct().ToImmutableArray()))];
                }
                var options = new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = stoppingToken };
                await Parallel.ForEachAsync(users, options, async (accId, _) => await Renew(() => grains.GetGrain<IUserEventsGrain>(accId).Subscribe(UserObserver)));
                // Renewing a shop also keeps its viewers counted: an open stream is a user who is there.
                await Parallel.ForEachAsync(shops, options, async (shop, _) => await Renew(() => grains.GetGrain<IShopLifeGrain>(shop.ShopId).WatchCustomers(ShopObserver, shop.Viewers)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task Renew(Func<Task> subscribe)
    {
        try
        {
            await subscribe();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "A subscription could not be renewed; trying again next round");
        }
    }
}
