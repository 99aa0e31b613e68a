namespace Mmx.Api.TryOn;

/// <summary>A try-on picture: what it shows and when it was added (beyond the spec's list of URLs).</summary>
public sealed record FitPictureWire(string PicURL, string Description, long Time);

/// <summary>/user/goods/fit: the spec's picList, and the same pictures with their details.</summary>
public sealed record FitPicturesReply(Err Err, ImmutableArray<string> PicList, ImmutableArray<FitPictureWire> FitList, int Total);
