namespace Mmx.Grains.TryOn;

/// <summary>A customer's try-on picture of a goods item (/user/goods/fit).</summary>
[GenerateSerializer, Immutable, Alias("mmx.tryon.FitPicture")]
public sealed record FitPicture
{
    [Id(0)] public required long AccId { get; init; }
    [Id(1)] public required string PicUrl { get; init; }
    [Id(2)] public string Description { get; init; } = "";
    /// <summary>Unix seconds when it was added.</summary>
    [Id(3)] public required long Time { get; init; }
}

/// <summary>One page of try-on pictures, newest first, and how many there are.</summary>
[GenerateSerializer, Immutable, Alias("mmx.tryon.FitPage")]
public sealed record FitPage
{
    [Id(0)] public ImmutableArray<FitPicture> Items { get; init; } = [];
    [Id(1)] public int Total { get; init; }
}

/// <summary>
/// One per goods item (key: goods id): the try-on pictures customers added. The API checks that
/// the goods exist before it adds.
/// </summary>
[Alias("mmx.tryon.IGoodsFitGrain")]
public interface IGoodsFitGrain : IGrainWithIntegerKey
{
    /// <summary>Most pictures one user may add to one goods item.</summary>
    public const int MaxPerUser = 20;

    /// <summary>Most pictures kept per goods item; the oldest go first.</summary>
    public const int MaxKept = 1000;

    /// <summary>Adds a picture; the same user adding the same URL again changes nothing. LimitReached past <see cref="MaxPerUser"/>.</summary>
    [Alias("Add")]
    Task<Err> Add(long accId, string picUrl, string description);

    /// <summary>An operator's takedown: the picture with this URL goes, whoever added it. NotFound when there is none. Idempotent in effect.</summary>
    [Alias("Remove")]
    Task<Err> Remove(string picUrl);

    [Alias("List"), ReadOnly]
    Task<FitPage> List(int offset, int count);
}
