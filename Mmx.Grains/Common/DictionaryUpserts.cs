namespace Mmx.Grains.Common;

public static class DictionaryUpserts
{
    /// <summary>
    /// The dictionary with these records upserted by id and these ids removed. Answers the same
    /// instance when nothing changed, so callers can skip a storage write.
    /// </summary>
    public static ImmutableDictionary<long, T> Apply<T>(this ImmutableDictionary<long, T> records,
        IEnumerable<T> upserts, Func<T, long> id, IEnumerable<long> removals) =>
        records.SetItems(upserts.Select(r => KeyValuePair.Create(id(r), r))).RemoveRange(removals);
}
