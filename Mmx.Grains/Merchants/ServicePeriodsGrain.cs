namespace Mmx.Grains.Merchants;

[GenerateSerializer, Alias("mmx.merchants.ServicePeriodsState")]
public sealed record ServicePeriodsState
{
    [Id(0)] public ImmutableDictionary<long, DateTimeOffset> Ends { get; init; } = ImmutableDictionary<long, DateTimeOffset>.Empty;
}

public sealed class ServicePeriodsGrain(
    [PersistentState(stateName: "service-periods", storageName: SiloSetup.StorageName)] IPersistentState<ServicePeriodsState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time,
    ILogger<ServicePeriodsGrain> logger)
    : Grain, IServicePeriodsGrain
{
    public async Task Track(long shopId, DateTimeOffset until)
    {
        if (state.State.Ends.TryGetValue(shopId, out var known) && known == until) return;
        state.State = state.State with { Ends = state.State.Ends.SetItem(shopId, until) };
        await state.WriteStateAsync();
    }

    public async Task<int> ExpireDue()
    {
        var now = time.GetUtcNow();
        var due = state.State.Ends.Where(e => e.Value <= now).Select(e => e.Key).ToList();
        if (due.Count == 0) return 0;
        var expired = 0;
        foreach (var shopId in due)
        {
            // The merchant's grain decides (it may have been renewed): its answer is the service's end now.
            var runningUntil = await GrainFactory.GetGrain<IMerchantGrain>(shopId).Expire();
            state.State = state.State with
            {
                Ends = runningUntil is { } until ? state.State.Ends.SetItem(shopId, until) : state.State.Ends.Remove(shopId),
            };
            if (runningUntil is null) expired++;
        }
        await state.WriteStateAsync();
        if (expired > 0) logger.LogInformation("{Count} merchant services expired; their shops are withdrawn", expired);
        return expired;
    }
}
