using System.Numerics;
using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// A stored internal node: 16 child slots (one per nibble), i.e. four binary levels kept together so a path
/// costs a quarter of the reads and writes. Its hash is the binary tree's hash over those four levels
/// (see <see cref="ComputeHash()"/>), so the 16-ary layout is invisible in roots and proofs.
/// </summary>
internal sealed class InternalNode
{
    public const int Arity = 16;

    /// <summary>
    /// The binary hashes inside the node, heap-indexed ([1] the whole node, [2..3] halves, [4..7] quarters, [8..15]
    /// pairs), kept for nodes that stay cached: a successor that changes one slot re-hashes its 4 ancestors instead of
    /// all 15. Only entries of ranges that do not collapse (≥ 2 occupants, or one internal child) are meaningful, and
    /// only those are ever read: a collapsing range is hashed from its slots alone.
    /// </summary>
    private Hash256[]? _ranges;

    public InternalNode(NodeRef[] children)
    {
        Children = children;
    }

    /// <summary>Exactly <see cref="Arity"/> entries; never mutated after construction (nodes are shared via the cache).</summary>
    public NodeRef[] Children { get; }

    public Hash256 ComputeHash() => RangeHash(Children, 0, Arity);

    /// <summary>
    /// Same hash as <see cref="ComputeHash()"/>, reusing the range hashes <paramref name="previous"/> (the node this one
    /// replaces at the same path) kept for ranges whose slots did not change. With <paramref name="keepRanges"/> this
    /// node keeps its own range hashes for its successor. Call once, before the node is shared.
    /// </summary>
    public Hash256 ComputeHash(InternalNode? previous, bool keepRanges)
    {
        Hash256[]? known = previous?._ranges;
        if (known is null && !keepRanges)
        {
            return ComputeHash();
        }

        NodeRef[] children = Children;
        uint occupied = 0;
        uint leaves = 0;
        uint changed = known is null ? 0xFFFFu : 0u;
        for (int i = 0; i < Arity; i++)
        {
            NodeKind kind = children[i].Kind;
            occupied |= kind != NodeKind.Empty ? 1u << i : 0u;
            leaves |= kind == NodeKind.Leaf ? 1u << i : 0u;
            if (known is not null && children[i] != previous!.Children[i])
            {
                changed |= 1u << i;
            }
        }

        Hash256[]? ranges = keepRanges ? new Hash256[Arity] : null;
        if (ranges is not null && known is not null)
        {
            known.CopyTo(ranges, 0);
        }

        MaskedRanges masks = new(children, occupied, leaves, changed, known, ranges);
        Hash256 hash = masks.Hash(0, Arity, 1);
        _ranges = ranges;
        return hash;
    }

    /// <summary>
    /// Binary hash of the slots [lo, lo + size): empty range → zero; a range whose only occupant is a leaf →
    /// that leaf's hash (the collapse rule, applied inside the node); otherwise keccak(0x01 || left half || right half).
    /// </summary>
    public static Hash256 RangeHash(NodeRef[] children, int lo, int size)
    {
        int occupied = 0;
        int single = -1;
        for (int i = lo; i < lo + size; i++)
        {
            if (children[i].Kind != NodeKind.Empty)
            {
                occupied++;
                single = i;
            }
        }

        if (occupied == 0)
        {
            return TreeHasher.EmptySubtree;
        }

        if (occupied == 1 && (children[single].Kind == NodeKind.Leaf || size == 1))
        {
            return children[single].Hash;
        }

        int half = size >> 1;
        return TreeHasher.Internal(RangeHash(children, lo, half), RangeHash(children, lo + half, half));
    }

    /// <summary>Number of occupied slots in [lo, lo + size) and the last one.</summary>
    public int Occupancy(int lo, int size, out int single)
    {
        int occupied = 0;
        single = -1;
        for (int i = lo; i < lo + size; i++)
        {
            if (Children[i].Kind != NodeKind.Empty)
            {
                occupied++;
                single = i;
            }
        }

        return occupied;
    }

    /// <summary><see cref="RangeHash"/> over slot bitmaps, taking unchanged non-collapsing ranges from the predecessor.</summary>
    private readonly ref struct MaskedRanges(NodeRef[] children, uint occupied, uint leaves, uint changed, Hash256[]? known, Hash256[]? output)
    {
        public Hash256 Hash(int lo, int size, int index)
        {
            uint range = ((1u << size) - 1) << lo;
            uint present = occupied & range;
            if (present == 0)
            {
                return TreeHasher.EmptySubtree;
            }

            if (BitOperations.IsPow2(present) && ((leaves & present) != 0 || size == 1))
            {
                return children[BitOperations.TrailingZeroCount(present)].Hash;
            }

            Hash256 hash;
            if (known is not null && (changed & range) == 0)
            {
                hash = known[index];
            }
            else
            {
                int half = size >> 1;
                hash = TreeHasher.Internal(Hash(lo, half, 2 * index), Hash(lo + half, half, 2 * index + 1));
            }

            if (output is not null)
            {
                output[index] = hash;
            }

            return hash;
        }
    }
}
