namespace TrustChain.Zk.Circuits;

/// <summary>
/// @zk-kit/binary-merkle-root.circom BinaryMerkleRoot(MAX_DEPTH): the LeanIMT root from a leaf, the proof length
/// (depth), the index (Num2Bits(MAX_DEPTH), bit i = the node is the right child at level i) and MAX_DEPTH siblings.
/// All levels are hashed; the root is the node at level = depth, picked by IsEqual selectors, so siblings beyond the
/// depth are ignored. A LeanIMT proof lists only the levels that have a sibling, which is exactly this path.
/// </summary>
public static class BinaryMerkleRootGadget
{
    /// <exception cref="ArgumentOutOfRangeException">maxDepth is outside 1..32 or the sibling count differs.</exception>
    public static LinearCombination BinaryMerkleRoot(
        this R1csBuilder builder, LinearCombination leaf, LinearCombination depth, LinearCombination index, IReadOnlyList<LinearCombination> siblings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(siblings);
        int maxDepth = siblings.Count;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1, nameof(siblings));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDepth, 32, nameof(siblings));

        LinearCombination[] indexBits = builder.Num2Bits(index, maxDepth);
        LinearCombination node = leaf;
        LinearCombination root = LinearCombination.Zero;
        for (int i = 0; i < maxDepth; i++)
        {
            LinearCombination isDepth = builder.IsEqual(depth, LinearCombination.Constant((ulong)i));
            root += builder.Mul(isDepth, node);
            LinearCombination left = builder.Mux1(node, siblings[i], indexBits[i]);
            LinearCombination right = builder.Mux1(siblings[i], node, indexBits[i]);
            node = builder.Hash(left, right);
        }

        LinearCombination isMaxDepth = builder.IsEqual(depth, LinearCombination.Constant((ulong)maxDepth));
        return root + builder.Mul(isMaxDepth, node);
    }
}
