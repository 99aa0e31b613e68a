namespace Mmx.Grains.Images;

[GenerateSerializer, Alias("mmx.images.ImageQuotaState")]
public sealed record ImageQuotaState
{
    [Id(0)] public DateOnly Day { get; init; }
    [Id(1)] public long Bytes { get; init; }
}

/// <summary>Stored, so that a restart does not hand out a second allowance the same day.</summary>
public sealed class ImageQuotaGrain(
    [PersistentState(stateName: "image-quota", storageName: SiloSetup.StorageName)] IPersistentState<ImageQuotaState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider time)
    : Grain, IImageQuotaGrain
{
    public async Task<Err> TryUse(long bytes, long bytesPerDay)
    {
        var today = ShanghaiCalendar.Today(time);
        var used = state.State.Day == today ? state.State.Bytes : 0;
        if (used + bytes > bytesPerDay) return Err.LimitReached;
        state.State = new ImageQuotaState { Day = today, Bytes = used + bytes };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public Task Clear() => state.ClearStateAsync();
}
