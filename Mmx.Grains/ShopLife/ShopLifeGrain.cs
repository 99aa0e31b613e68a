using Orleans.Utilities;

namespace Mmx.Grains.ShopLife;

[GenerateSerializer, Alias("mmx.shoplife.ShopFansState")]
public sealed record ShopFansState
{
    /// <summary>
    /// The fans themselves, not just a number: adding a user twice (a retry) cannot count twice,
    /// and the count is always the size of this set.
    /// </summary>
    [Id(0)] public ImmutableHashSet<long> FanIds { get; init; } = [];
    /// <summary>Fans who switched this shop's messages off (<c>msgEnable</c> 0).</summary>
    [Id(1)] public ImmutableHashSet<long> MutedIds { get; init; } = [];
    /// <summary>When each fan started following, unix seconds (fans from before this was kept have none).</summary>
    [Id(2)] public ImmutableDictionary<long, long> Since { get; init; } = ImmutableDictionary<long, long>.Empty;
    /// <summary>Each fan's visits since following (entries into the shop, a lapsed presence counting anew).</summary>
    [Id(3)] public ImmutableDictionary<long, FanVisits> Visits { get; init; } = ImmutableDictionary<long, FanVisits>.Empty;
}

/// <summary>
/// Presence is kept in memory only: a restart of this grain (its silo died, or it was idle) forgets
/// who is in the shop, and the count starts again from the users who enter or poll afterwards;
/// since the app polls every 3 minutes, the count is whole again within 3 minutes. Fans are stored.
/// A user whose presence lapsed (no word for <see cref="PresenceTimeout"/>) is not counted but
/// remembered for <see cref="LapsedKept"/>: until they exit or enter another shop, their next
/// request about this shop counts them again (the shipped iOS app never polls).
/// </summary>
public sealed class ShopLifeGrain(
    [PersistentState(stateName: "shop-fans", storageName: SiloSetup.StorageName)] IPersistentState<ShopFansState> fans,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<ShopLifeGrain> logger)
    : Grain, IShopLifeGrain
{
    /// <summary>A user not heard from for this long stops being counted (a phone that died never exits).</summary>
    public static readonly TimeSpan PresenceTimeout = TimeSpan.FromMinutes(10);
    /// <summary>How long a lapsed user is remembered as having entered (and not left) the shop.</summary>
    public static readonly TimeSpan LapsedKept = TimeSpan.FromHours(12);
    /// <summary>Changed counts reach the city directory after at most about this long.</summary>
    public static readonly TimeSpan PushDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    // Last word from each user who entered and has not left: counted while within PresenceTimeout.
    private readonly Dictionary<long, DateTimeOffset> _present = [];
    // The shop's details, copied from its shop grain at activation and kept current by the import
    // (DetailsChanged): shop info answers from here in one call. Null: no shop has this id.
    private Shop? _shop;
    private ShopCounts? _lastPushed;
    private IGrainTimer? _pushTimer;
    private IGrainTimer? _sweepTimer;
    // The fans whose messages are on, sorted; null when the fans changed since.
    private long[]? _recipients;
    // The fronts whose event streams show this shop's count (lazily: most shops have none).
    private ObserverManager<Messages.IShopCustomersObserver>? _watchers;
    private long _lastWatched = -1;

    private long ShopId => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _shop = (await GrainFactory.GetGrain<IShopGrain>(ShopId).GetDetails()).Value;
        // A directory that restarted may have lost this shop's numbers: tell it again.
        if (_shop is not null && !fans.State.FanIds.IsEmpty) SchedulePush();
    }

    public async Task<Err> Enter(long accId)
    {
        if (!await Exists()) return Err.NotFound;
        var known = _present.ContainsKey(accId) && IsPresent(_present[accId]);
        _present[accId] = time.GetUtcNow();
        if (!known) SchedulePush();
        if (!known && fans.State.FanIds.Contains(accId)) await CountVisit(accId);
        _sweepTimer ??= this.RegisterGrainTimer(Sweep, new GrainTimerCreationOptions(SweepEvery, SweepEvery));
        return Err.Ok;
    }

    public async Task<Err> Exit(long accId)
    {
        if (_present.Remove(accId)) SchedulePush();
        return await Exists() ? Err.Ok : Err.NotFound;
    }

    /// <summary>A fan came in: the merchant's fans page shows how often and when last.</summary>
    private async Task CountVisit(long accId)
    {
        var before = fans.State.Visits.GetValueOrDefault(accId) ?? new FanVisits();
        fans.State = fans.State with { Visits = fans.State.Visits.SetItem(accId, new FanVisits { Count = before.Count + 1, Last = time.GetUtcNow().ToUnixTimeSeconds() }) };
        await fans.WriteStateAsync();
    }

    public async Task<Outcome<long>> Poll(long accId)
    {
        if (!await Exists()) return ForgetUnknown<Outcome<long>>(Err.NotFound);
        KeepCounted(accId);
        return Outcome<long>.Ok(Customers());
    }

    public Task Heard(long accId)
    {
        KeepCounted(accId);
        return Task.CompletedTask;
    }

    public async Task<Outcome<ShopInfo>> Info(long accId)
    {
        if (!await Exists()) return ForgetUnknown<Outcome<ShopInfo>>(Err.NotFound);
        KeepCounted(accId);
        return new ShopInfo { Shop = _shop!, Counts = LiveCounts(accId) };
    }

    /// <summary>An id that is no shop and holds nobody need not stay in memory after answering.</summary>
    private T ForgetUnknown<T>(T answer)
    {
        if (fans.State.FanIds.IsEmpty && _present.Count == 0) DeactivateOnIdle();
        return answer;
    }

    /// <summary>Word from a user: one who is in the shop (or whose presence lapsed there) is counted from now.</summary>
    private void KeepCounted(long accId)
    {
        if (accId == 0 || !_present.TryGetValue(accId, out var seen)) return;
        _present[accId] = time.GetUtcNow();
        if (!IsPresent(seen)) SchedulePush();
    }

    public Task DetailsChanged(Shop shop)
    {
        var cityChanged = _shop is not null && _shop.City != shop.City;
        _shop = shop;
        // The new city's directory learns the counts; the old one was told to drop the shop by the import.
        if (cityChanged)
        {
            _lastPushed = null;
            SchedulePush();
        }
        return Task.CompletedTask;
    }

    private ShopLiveCounts LiveCounts(long accId) => new()
    {
        Fans = fans.State.FanIds.Count,
        Customers = Customers(),
        IsFan = accId != 0 && fans.State.FanIds.Contains(accId),
    };

    public async Task<Err> SetFan(long accId, bool messagesOn)
    {
        if (!await Exists()) return Err.NotFound;
        var state = fans.State;
        var joins = !state.FanIds.Contains(accId);
        if (!joins && state.MutedIds.Contains(accId) == !messagesOn) return Err.Ok;
        fans.State = state with
        {
            FanIds = state.FanIds.Add(accId),
            MutedIds = messagesOn ? state.MutedIds.Remove(accId) : state.MutedIds.Add(accId),
            Since = joins ? state.Since.SetItem(accId, time.GetUtcNow().ToUnixTimeSeconds()) : state.Since,
        };
        _recipients = null;
        await fans.WriteStateAsync();
        if (joins) SchedulePush();
        return Err.Ok;
    }

    public async Task RemoveFan(long accId)
    {
        if (!fans.State.FanIds.Contains(accId)) return;
        fans.State = fans.State with
        {
            FanIds = fans.State.FanIds.Remove(accId),
            MutedIds = fans.State.MutedIds.Remove(accId),
            Since = fans.State.Since.Remove(accId),
            Visits = fans.State.Visits.Remove(accId),
        };
        _recipients = null;
        await fans.WriteStateAsync();
        SchedulePush();
    }

    public Task<ImmutableArray<long>> MessageRecipients(long afterAccId, int count)
    {
        var recipients = Recipients();
        var start = Array.BinarySearch(recipients, afterAccId);
        start = start >= 0 ? start + 1 : ~start;
        return Task.FromResult(ImmutableArray.Create(recipients, start, Math.Min(count, recipients.Length - start)));
    }

    public Task<Page<ShopFan>> Fans(int offset, int count)
    {
        var state = fans.State;
        var ordered = state.FanIds.OrderByDescending(id => state.Since.GetValueOrDefault(id)).ThenByDescending(id => id);
        return Task.FromResult(new Page<ShopFan>
        {
            Items = [.. ordered.Skip(offset).Take(count).Select(id => new ShopFan
            {
                AccId = id,
                Since = state.Since.GetValueOrDefault(id),
                Visits = state.Visits.GetValueOrDefault(id) ?? new FanVisits(),
                MessagesOn = !state.MutedIds.Contains(id),
            })],
            Total = state.FanIds.Count,
        });
    }

    public Task<ImmutableArray<long>> RecipientsAmong(ImmutableArray<long> accIds) => Task.FromResult(accIds.Distinct()
        .Where(id => fans.State.FanIds.Contains(id) && !fans.State.MutedIds.Contains(id)).ToImmutableArray());

    public Task<int> MessageRecipientCount() => Task.FromResult(Recipients().Length);

    // Sorted once per change of the fans, not per batch of a fan-out.
    private long[] Recipients() => _recipients ??= [.. fans.State.FanIds.Except(fans.State.MutedIds).Order()];

    public Task<long> WatchCustomers(Messages.IShopCustomersObserver observer, ImmutableArray<long> viewers)
    {
        _watchers ??= new ObserverManager<Messages.IShopCustomersObserver>(Messages.UserEventsGrain.SubscriptionLapses, logger);
        _watchers.Subscribe(observer, observer);
        foreach (var viewer in viewers) KeepCounted(viewer);
        return Task.FromResult(Customers());
    }

    public Task UnwatchCustomers(Messages.IShopCustomersObserver observer)
    {
        _watchers?.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task<bool> Exists()
    {
        // An id that was no shop when activated may have been imported since.
        _shop ??= (await GrainFactory.GetGrain<IShopGrain>(ShopId).GetDetails()).Value;
        return _shop is { Withdrawn: false };
    }

    private bool IsPresent(DateTimeOffset lastSeen) => time.GetUtcNow() - lastSeen <= PresenceTimeout;

    private long Customers() => _present.Values.Count(IsPresent);

    private Task Sweep()
    {
        var forgotten = _present.Where(p => time.GetUtcNow() - p.Value > LapsedKept).Select(p => p.Key).ToList();
        foreach (var accId in forgotten) _present.Remove(accId);
        // Users whose presence lapsed since the last push change the count; Push tells the directory only if it did.
        if (_present.Count > 0) SchedulePush();
        if (_present.Count == 0)
        {
            _sweepTimer?.Dispose();
            _sweepTimer = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>The event streams showing this shop hear a changed customer count (one-way calls: nothing waits for a front).</summary>
    private void TellWatchers(long customers)
    {
        if (_watchers is null || customers == _lastWatched) return;
        _watchers.ClearExpired();
        _lastWatched = customers;
        if (_watchers.Count > 0) _watchers.Notify(front => front.OnCustomers(ShopId, customers));
    }

    /// <summary>Pushes soon, once for any number of changes in between.</summary>
    private void SchedulePush() =>
        _pushTimer ??= this.RegisterGrainTimer(Push, new GrainTimerCreationOptions(PushDelay, Timeout.InfiniteTimeSpan));

    private async Task Push()
    {
        _pushTimer?.Dispose();
        _pushTimer = null;
        var customers = Customers();
        TellWatchers(customers);
        if (_shop?.City is not { } city) return;
        var counts = new ShopCounts { ShopId = ShopId, Fans = fans.State.FanIds.Count, Customers = customers };
        if (counts == _lastPushed) return;
        await GrainFactory.GetGrain<ICityDirectoryGrain>(city).UpdateCounts([counts]);
        _lastPushed = counts;
    }
}
