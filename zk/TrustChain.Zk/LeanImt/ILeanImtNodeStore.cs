using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.LeanImt;

/// <summary>
/// Where a <see cref="LeanImt"/> keeps its nodes. Level 0 holds the leaves; level L holds ceil(Size / 2^L)
/// nodes and level <see cref="Depth"/> holds the root. Every tree operation except a batch insert reads and
/// writes O(depth) entries, so a store can sit on a key-value database instead of memory.
/// </summary>
public interface ILeanImtNodeStore
{
    /// <summary>Number of leaves.</summary>
    ulong Size { get; set; }

    /// <summary>ceil(log2(Size)), 0 for zero or one leaf.</summary>
    int Depth { get; set; }

    /// <summary>The node at (level, index), or null when it was never written.</summary>
    Fr? GetNode(int level, ulong index);

    void SetNode(int level, ulong index, in Fr value);

    /// <summary>Index of a non-zero leaf currently in the tree.</summary>
    bool TryGetLeafIndex(in Fr leaf, out ulong index);

    void SetLeafIndex(in Fr leaf, ulong index);

    void RemoveLeafIndex(in Fr leaf);
}
