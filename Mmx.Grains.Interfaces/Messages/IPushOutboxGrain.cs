namespace Mmx.Grains.Messages;

/// <summary>A notification for a phone with no open event stream, as the push gateway takes it.</summary>
[GenerateSerializer, Immutable, Alias("mmx.messages.PushNotice")]
public sealed record PushNotice
{
    [Id(0)] public required long Uid { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string Body { get; init; }
    /// <summary>What the app opens: the message.</summary>
    [Id(3)] public required long MsgId { get; init; }
    [Id(4)] public required int Kind { get; init; }
    [Id(5)] public required long ShopId { get; init; }
    /// <summary>Unix seconds.</summary>
    [Id(6)] public long Time { get; init; }
}

/// <summary>
/// The embedded default's push outbox (key 0): what would have been pushed, the last
/// <c>Kept</c> notices of the whole service, in memory, for GET /admin/push.
/// </summary>
[Alias("mmx.messages.IPushOutboxGrain")]
public interface IPushOutboxGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    [Alias("Record")]
    Task Record(ImmutableArray<PushNotice> notices);

    /// <summary>The kept notices for this user, newest first.</summary>
    [Alias("Recent"), ReadOnly]
    Task<ImmutableArray<PushNotice>> Recent(long uid);
}
