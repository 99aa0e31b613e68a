namespace Mmx.Api.Admin;

// The operator routes' answers.

/// <summary>How many of each kind an import upserted.</summary>
/// <param name="Fronts">API fronts whose copy of the catalogue has the import.</param>
/// <param name="FrontsMissed">fronts that did not confirm it in time (they load it by themselves within 30 s).</param>
public sealed record ImportCountsWire(int Cities, int Categories, int Shops, int Goods, int Activities, int Versions, int Fronts, int FrontsMissed,
    int Provinces, int Districts);
public sealed record ImportReply(Err Err, ImportCountsWire Imported);

/// <summary>A message the SMS outbox holds (the embedded default's stand-in for an SMS gateway).</summary>
public sealed record SmsMessageWire(string Phone, string Text, string Code, long Time);
public sealed record SmsOutboxReply(Err Err, ImmutableArray<SmsMessageWire> Messages);
