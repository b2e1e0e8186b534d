namespace TrustChain.Chain.State;

public sealed class StateDatabaseOptions
{
    /// <summary>
    /// Decoded internal nodes kept in memory (~100 bytes plus dictionary overhead each). A tree over n keys has
    /// about n internal nodes, so the default covers every internal node of a ~250k-key state; deeper misses go
    /// to RocksDB's block cache.
    /// </summary>
    public int NodeCacheCapacity { get; init; } = 1 << 18;

    /// <summary>Batches at least this large update the root's two subtrees on two threads.</summary>
    public int ParallelThreshold { get; init; } = SparseMerkleTree.DefaultParallelThreshold;

    public static StateDatabaseOptions Default { get; } = new();
}
