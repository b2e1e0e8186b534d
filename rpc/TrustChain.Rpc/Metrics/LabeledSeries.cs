namespace TrustChain.Rpc.Metrics;

/// <summary>Series of a labelled family in ordinal label order, so scrapes are stable whatever the insertion order.</summary>
internal static class LabeledSeries
{
    public static KeyValuePair<string, T>[] Sorted<T>(IEnumerable<KeyValuePair<string, T>> series)
    {
        KeyValuePair<string, T>[] items = [.. series];
        Array.Sort(items, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return items;
    }
}
