namespace TrustChain.Chain.State;

/// <summary>
/// Keeps a committed block's <see cref="TreeWriteSet"/>s (the update's own and its parallel half's) for the next block. Its lists hold a few entries of ~100 bytes
/// per changed key, so for a block of 10^4–10^5 changes they are large-object-heap arrays that, allocated afresh and
/// grown by doubling every block, were the largest garbage of a commit and drove gen-2 collections.
/// </summary>
internal sealed class TreeWriteSetPool
{
    /// <summary>Larger sets (a genesis, a bulk load) are dropped instead of kept, so one huge update does not pin its lists.</summary>
    private const int MaxKeptEntries = 1 << 20;

    private readonly TreeWriteSet?[] _spares = new TreeWriteSet?[2];

    public TreeWriteSet Rent(ulong version, bool persist)
    {
        for (int i = 0; i < _spares.Length; i++)
        {
            if (Interlocked.Exchange(ref _spares[i], null) is { } set)
            {
                set.Reuse(version, persist);
                return set;
            }
        }

        return new TreeWriteSet(version, persist);
    }

    /// <summary>Only for a set nobody reads any more (its commit is done, or it was appended to another set).</summary>
    public void Return(TreeWriteSet set)
    {
        if (set.Nodes.Capacity > MaxKeptEntries || set.Stale.Capacity > MaxKeptEntries)
        {
            return;
        }

        // Cleared now, not at the next rent: the entries reference new nodes and leaf values of the committed block.
        set.Reuse(0, persist: false);
        for (int i = 0; i < _spares.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _spares[i], set, null) is null)
            {
                return;
            }
        }
    }
}
