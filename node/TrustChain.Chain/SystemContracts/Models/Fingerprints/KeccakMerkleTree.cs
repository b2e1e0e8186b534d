using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.SystemContracts.Models.Fingerprints;

/// <summary>
/// The fingerprint Merkle tree of a model, defined exactly so any implementation derives the same root:
/// <list type="bullet">
/// <item>leaves are keccak256(key ‖ response) in the order of the fingerprint file;</item>
/// <item>depth d = ⌈log₂ count⌉ (0 for one leaf); the leaf row is padded to 2^d with zero words (bytes32(0));</item>
/// <item>a parent is keccak256(min(a, b) ‖ max(a, b)) comparing the 32-byte words as big-endian integers (the
/// commutative hash of OpenZeppelin's MerkleProof, so its <c>verify</c> accepts our proofs);</item>
/// <item>a proof is the d sibling words from the leaf up.</item>
/// </list>
/// Because every proof has exactly d elements, an inner node cannot pass as a leaf (its proof would be shorter):
/// verifiers must check the length, as <see cref="Verify"/> does.
/// </summary>
public sealed class KeccakMerkleTree
{
    /// <summary>Bounds the tree (and a proof to 24 words); far above any useful fingerprint count.</summary>
    public const int MaxLeaves = 1 << 24;

    private readonly Hash256[][] _levels;

    public KeccakMerkleTree(IReadOnlyList<Hash256> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0)
        {
            throw new ArgumentException("a fingerprint tree needs at least one leaf", nameof(leaves));
        }

        if (leaves.Count > MaxLeaves)
        {
            throw new ArgumentException($"a fingerprint tree holds at most {MaxLeaves} leaves, got {leaves.Count}", nameof(leaves));
        }

        Count = leaves.Count;
        Depth = DepthFor((ulong)leaves.Count);
        _levels = new Hash256[Depth + 1][];
        Hash256[] row = new Hash256[1 << Depth];
        for (int i = 0; i < leaves.Count; i++)
        {
            row[i] = leaves[i];
        }

        _levels[0] = row;
        for (int level = 1; level <= Depth; level++)
        {
            Hash256[] below = _levels[level - 1];
            Hash256[] above = new Hash256[below.Length / 2];
            for (int i = 0; i < above.Length; i++)
            {
                above[i] = HashPair(below[2 * i], below[2 * i + 1]);
            }

            _levels[level] = above;
        }
    }

    /// <summary>Number of real (unpadded) leaves.</summary>
    public int Count { get; }

    public int Depth { get; }

    public Hash256 Root => _levels[Depth][0];

    public Hash256 Leaf(int index) => _levels[0][CheckIndex(index)];

    /// <summary>The <see cref="Depth"/> sibling words of leaf <paramref name="index"/>, bottom first.</summary>
    public Hash256[] Proof(int index)
    {
        CheckIndex(index);
        Hash256[] proof = new Hash256[Depth];
        int position = index;
        for (int level = 0; level < Depth; level++)
        {
            proof[level] = _levels[level][position ^ 1];
            position >>= 1;
        }

        return proof;
    }

    /// <summary>⌈log₂ count⌉: the length every proof of a tree of <paramref name="count"/> leaves has.</summary>
    public static int DepthFor(ulong count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        return count == 1 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(count - 1);
    }

    /// <summary>True iff <paramref name="proof"/> has exactly the depth of a <paramref name="count"/>-leaf tree and folds <paramref name="leaf"/> into <paramref name="root"/>.</summary>
    public static bool Verify(in Hash256 root, ulong count, in Hash256 leaf, ReadOnlySpan<Hash256> proof)
    {
        if (count == 0 || count > MaxLeaves || proof.Length != DepthFor(count) || leaf.IsZero)
        {
            return false;
        }

        Hash256 node = leaf;
        foreach (Hash256 sibling in proof)
        {
            node = HashPair(node, sibling);
        }

        return node == root;
    }

    public static Hash256 HashPair(in Hash256 a, in Hash256 b)
    {
        Span<byte> preimage = stackalloc byte[2 * Hash256.Length];
        bool ordered = a.Bytes.SequenceCompareTo(b.Bytes) <= 0;
        (ordered ? a : b).CopyTo(preimage);
        (ordered ? b : a).CopyTo(preimage[Hash256.Length..]);
        return Keccak256.Compute(preimage);
    }

    private int CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the tree has {Count} leaves");
        }

        return index;
    }
}
