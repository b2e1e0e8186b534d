namespace TrustChain.Storage;

/// <summary>
/// Options for <see cref="RocksDatabase.CreateIterator"/>. Bounds are byte-wise (default comparator):
/// <see cref="LowerBound"/> is inclusive, <see cref="UpperBound"/> exclusive. The arrays are copied when the
/// iterator is created.
/// </summary>
public sealed class IteratorOptions
{
    public byte[]? LowerBound { get; init; }

    public byte[]? UpperBound { get; init; }

    /// <summary>
    /// Stop once the key's prefix differs from the seek key's prefix. Needs a column family opened with a prefix
    /// extractor (<see cref="RocksDbSettings.PrefixLengths"/>).
    /// </summary>
    public bool PrefixSameAsStart { get; init; }

    /// <summary>Ignore the prefix extractor and iterate in total order.</summary>
    public bool TotalOrderSeek { get; init; }

    /// <summary>Whether blocks read by this iterator enter the block cache; turn off for one-off full scans.</summary>
    public bool FillCache { get; init; } = true;

    /// <summary>Read at this snapshot instead of the latest state.</summary>
    public Snapshot? Snapshot { get; init; }

    /// <summary>Bounds covering exactly the keys that start with <paramref name="prefix"/>.</summary>
    public static IteratorOptions ForPrefix(ReadOnlySpan<byte> prefix, Snapshot? snapshot = null) => new()
    {
        LowerBound = prefix.ToArray(),
        UpperBound = PrefixSuccessor(prefix),
        Snapshot = snapshot,
    };

    /// <summary>
    /// The smallest key greater than every key starting with <paramref name="prefix"/>, or null if none exists
    /// (empty prefix or all 0xFF bytes).
    /// </summary>
    public static byte[]? PrefixSuccessor(ReadOnlySpan<byte> prefix)
    {
        for (int i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                byte[] successor = prefix[..(i + 1)].ToArray();
                successor[i]++;
                return successor;
            }
        }

        return null;
    }
}
