namespace TrustChain.Chain.State;

public sealed class StateDatabaseOptions
{
    /// <summary>
    /// Decoded 16-slot internal nodes kept in memory (~1 KiB each, so the default bounds the cache near 64 MiB).
    /// A tree over n Keccak-spread keys has about 0.4·n of them (measured: 38,746 for 100k accounts), so the
    /// default holds every internal node of a ~160k-key state; misses go to RocksDB's block cache.
    /// </summary>
    public int NodeCacheCapacity { get; init; } = 1 << 16;

    /// <summary>Batches at least this large update the root node's two halves on two threads.</summary>
    public int ParallelThreshold { get; init; } = SparseMerkleTree.DefaultParallelThreshold;

    public static StateDatabaseOptions Default { get; } = new();
}
