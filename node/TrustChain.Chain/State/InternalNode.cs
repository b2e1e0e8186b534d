using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// A stored internal node: 16 child slots (one per nibble), i.e. four binary levels kept together so a path
/// costs a quarter of the reads and writes. Its hash is the binary tree's hash over those four levels
/// (see <see cref="ComputeHash"/>), so the 16-ary layout is invisible in roots and proofs.
/// </summary>
internal sealed class InternalNode
{
    public const int Arity = 16;

    public InternalNode(NodeRef[] children)
    {
        Children = children;
    }

    /// <summary>Exactly <see cref="Arity"/> entries; never mutated after construction (nodes are shared via the cache).</summary>
    public NodeRef[] Children { get; }

    public Hash256 ComputeHash() => RangeHash(Children, 0, Arity);

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
}
