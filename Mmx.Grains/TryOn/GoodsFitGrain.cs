namespace Mmx.Grains.TryOn;

[GenerateSerializer, Alias("mmx.tryon.GoodsFitState")]
public sealed record GoodsFitState
{
    /// <summary>Newest first.</summary>
    [Id(0)] public ImmutableArray<FitPicture> Pictures { get; init; } = [];
}

public sealed class GoodsFitGrain(
    [PersistentState(stateName: "goodsfit", storageName: SiloSetup.StorageName)] IPersistentState<GoodsFitState> state,
    [FromKeyedServices(MmxClock.Key)] TimeProvider clock)
    : Grain, IGoodsFitGrain
{
    public async Task<Err> Add(long accId, string picUrl, string description)
    {
        var pictures = state.State.Pictures;
        var mine = pictures.Where(p => p.AccId == accId).ToList();
        // A retried add (the answer was lost) must not add the picture twice.
        if (mine.Any(p => p.PicUrl == picUrl)) return Err.Ok;
        if (mine.Count >= IGoodsFitGrain.MaxPerUser) return Err.LimitReached;

        var added = new FitPicture { AccId = accId, PicUrl = picUrl, Description = description, Time = clock.GetUtcNow().ToUnixTimeSeconds() };
        pictures = pictures.Insert(0, added);
        if (pictures.Length > IGoodsFitGrain.MaxKept) pictures = pictures.RemoveRange(IGoodsFitGrain.MaxKept, pictures.Length - IGoodsFitGrain.MaxKept);
        state.State = state.State with { Pictures = pictures };
        await state.WriteStateAsync();
        return Err.Ok;
    }

    public Task<FitPage> List(int offset, int count) => Task.FromResult(new FitPage
    {
        Items = [.. state.State.Pictures.Skip(offset).Take(count)],
        Total = state.State.Pictures.Length,
    });

    public async Task<Err> Remove(string picUrl)
    {
        var kept = state.State.Pictures.RemoveAll(p => p.PicUrl == picUrl);
        if (kept.Length == state.State.Pictures.Length) return Err.NotFound;
        state.State = new GoodsFitState { Pictures = kept };
        await state.WriteStateAsync();
        return Err.Ok;
    }
}
