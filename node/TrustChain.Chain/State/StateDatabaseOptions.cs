namespace TrustChain.Chain.State;

public sealed class StateDatabaseOptions
{
    /// <summary>
    /// Decoded 16-slot internal nodes kept in memory (~1.3 KiB each with their kept range hashes, so the default
    /// bounds the cache near 170 MiB; with <see cref="NodeCacheMaxDepth"/> 16 it holds at most 69,905 of them, ~90 MiB).
    /// A tree over n Keccak-spread keys has about 0.4·n of them (measured: 38,746 for 100k accounts); with
    /// <see cref="NodeCacheMaxDepth"/> the default holds every internal node a path passes through above the
    /// last one or two levels of a multi-million-key state; misses go to RocksDB's block cache.
    /// </summary>
    public int NodeCacheCapacity { get; init; } = 1 << 17;

    /// <summary>
    /// Only internal nodes at most this many bits deep are cached (16 = the top five stored levels, at most 69,905
    /// nodes). Deeper levels of a large state are touched about once per update each and outnumber any affordable
    /// cache, so admitting them would only push out the shallow nodes every update passes through. -1 caches nothing.
    /// </summary>
    public int NodeCacheMaxDepth { get; init; } = 16;

    /// <summary>Batches at least this large update the root node's two halves on two threads.</summary>
    public int ParallelThreshold { get; init; } = SparseMerkleTree.DefaultParallelThreshold;

    public static StateDatabaseOptions Default { get; } = new();
}
