using System.Buffers;
using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// Sparse Merkle tree over 256-bit keys with Jellyfish-style compressed paths.
/// <para>Hashing is binary and canonical, so the root depends only on the key/value set:</para>
/// <list type="bullet">
/// <item>A leaf sits at the shallowest bit depth at which its key prefix is unique among all keys; its hash is
/// keccak(0x00 || key || keccak(value)).</item>
/// <item>Every prefix shared by ≥ 2 keys is an internal node, keccak(0x01 || left || right); an empty subtree is
/// 32 zero bytes.</item>
/// <item>Collapse rule: an internal node whose children are one leaf and one empty subtree is replaced by the leaf
/// (it moves up). One empty and one internal child stays — the internal child covers ≥ 2 keys.</item>
/// </list>
/// <para>Storage is 16-ary (as in Jellyfish): a stored <see cref="InternalNode"/> holds four binary levels, leaves
/// hang off its nibble slots. With Keccak-spread keys a 100k-key tree is ~5 stored levels deep instead of ~18, so
/// an update batch writes ~4x fewer nodes and every internal node of such a tree fits in the node cache.</para>
/// </summary>
internal sealed class SparseMerkleTree
{
    /// <summary>Below this many updates the root's halves are not worth a thread hop.</summary>
    public const int DefaultParallelThreshold = 2048;

    private const int Step = TreePath.NibbleBits;

    private readonly TreeNodeStore _store;
    private readonly int _parallelThreshold;

    public SparseMerkleTree(TreeNodeStore store, int parallelThreshold = DefaultParallelThreshold)
    {
        _store = store;
        _parallelThreshold = parallelThreshold;
    }

    /// <summary>Write sets for persisted updates (see <see cref="TreeWriteSetPool"/>); the state database returns them after a commit.</summary>
    public TreeWriteSetPool WriteSets { get; } = new();

    public byte[]? Get(in NodeRef root, in Hash256 key)
    {
        NodeRef node = root;
        for (int depth = 0; ; depth += Step)
        {
            switch (node.Kind)
            {
                case NodeKind.Empty:
                    return null;
                case NodeKind.Leaf:
                    LeafNode leaf = _store.GetLeaf(NodeId.Create(node.Version, depth, key));
                    return leaf.Key == key ? leaf.Value : null;
                default:
                    InternalNode inner = _store.GetInternal(NodeId.Create(node.Version, depth, key));
                    node = inner.Children[TreePath.Nibble(key, depth)];
                    break;
            }
        }
    }

    /// <summary>Walks the binary path inside each stored node, collecting one sibling hash per bit level.</summary>
    public StateProof GetProof(in NodeRef root, in Hash256 key)
    {
        List<Hash256> siblings = [];
        NodeRef node = root;
        int depth = 0;
        Hash256 path = Hash256.Zero;
        while (true)
        {
            if (node.Kind == NodeKind.Empty)
            {
                return new StateProof(key, null, siblings, null, null);
            }

            if (node.Kind == NodeKind.Leaf)
            {
                return LeafProof(key, _store.GetLeaf(new NodeId(node.Version, depth, path)), siblings);
            }

            InternalNode inner = _store.GetInternal(new NodeId(node.Version, depth, path));
            int slot = TreePath.Nibble(key, depth);
            int lo = 0;
            int size = InternalNode.Arity;
            while (true)
            {
                int occupied = inner.Occupancy(lo, size, out int single);
                if (occupied == 0)
                {
                    return new StateProof(key, null, siblings, null, null);
                }

                if (occupied == 1 && inner.Children[single].Kind == NodeKind.Leaf)
                {
                    NodeId leafId = new(inner.Children[single].Version, depth + Step, TreePath.ChildAt(path, depth, single));
                    return LeafProof(key, _store.GetLeaf(leafId), siblings);
                }

                if (size == 1)
                {
                    break;
                }

                size >>= 1;
                bool right = slot >= lo + size;
                siblings.Add(InternalNode.RangeHash(inner.Children, right ? lo : lo + size, size));
                if (right)
                {
                    lo += size;
                }
            }

            node = inner.Children[slot];
            path = TreePath.ChildAt(path, depth, slot);
            depth += Step;
        }
    }

    /// <summary>
    /// Applies <paramref name="updates"/> (strictly ascending keys) in one pass: every touched node is read once and
    /// rewritten once, however many keys under it change.
    /// </summary>
    public NodeRef Update(in NodeRef root, TreeUpdate[] updates, int count, TreeWriteSet writes)
    {
        for (int i = 1; i < count; i++)
        {
            if (updates[i - 1].Key.CompareTo(updates[i].Key) >= 0)
            {
                throw new ArgumentException("Tree updates must have strictly ascending keys.", nameof(updates));
            }
        }

        if (count == 0)
        {
            return root;
        }

        Subtree result = UpdateNode(root, 0, Hash256.Zero, updates, 0, count, writes);
        return Place(result, 0, writes);
    }

    private static StateProof LeafProof(in Hash256 key, LeafNode leaf, List<Hash256> siblings) =>
        leaf.Key == key
            ? new StateProof(key, leaf.Value, siblings, null, null)
            : new StateProof(key, null, siblings, leaf.Key, leaf.ValueHash);

    private Subtree UpdateNode(in NodeRef node, int depth, in Hash256 path, TreeUpdate[] u, int lo, int hi, TreeWriteSet w)
    {
        switch (node.Kind)
        {
            case NodeKind.Empty:
                // Deleting absent keys leaves an empty subtree untouched (no rewrite of the path above).
                return HasInsert(u, lo, hi) ? Build(depth, path, u, lo, hi, null, w) : Subtree.Empty(changed: false);
            case NodeKind.Leaf:
                return UpdateLeaf(node, depth, path, u, lo, hi, w);
            default:
                return UpdateInternal(node, depth, path, u, lo, hi, w);
        }
    }

    private Subtree UpdateLeaf(in NodeRef node, int depth, in Hash256 path, TreeUpdate[] u, int lo, int hi, TreeWriteSet w)
    {
        NodeId id = new(node.Version, depth, path);
        for (int i = lo; i < hi; i++)
        {
            if (u[i].ReplacesExisting)
            {
                w.MarkStale(id);
                return Build(depth, path, u, lo, hi, null, w);
            }
        }

        LeafNode leaf = _store.GetLeaf(id);
        bool changed = false;
        bool overwritten = false;
        for (int i = lo; i < hi; i++)
        {
            ref readonly TreeUpdate update = ref u[i];
            if (update.Key == leaf.Key)
            {
                overwritten = true;
                changed |= update.Value is null || update.ValueHash != leaf.ValueHash;
            }
            else
            {
                changed |= update.Value is not null;
            }
        }

        if (!changed)
        {
            return Subtree.Existing(node, id);
        }

        w.MarkStale(id);
        return Build(depth, path, u, lo, hi, overwritten ? null : leaf, w);
    }

    private Subtree UpdateInternal(in NodeRef node, int depth, in Hash256 path, TreeUpdate[] u, int lo, int hi, TreeWriteSet w)
    {
        NodeId id = new(node.Version, depth, path);
        InternalNode inner = _store.GetInternal(id);
        Subtree[] children = RentSlots();
        try
        {
            return UpdateInternal(node, id, inner, depth, path, u, lo, hi, children, w);
        }
        finally
        {
            ReturnSlots(children);
        }
    }

    private Subtree UpdateInternal(in NodeRef node, in NodeId id, InternalNode inner, int depth, in Hash256 path, TreeUpdate[] u, int lo, int hi,
        Subtree[] children, TreeWriteSet w)
    {
        Span<int> bounds = stackalloc int[InternalNode.Arity + 1];
        SplitByNibble(u, lo, hi, depth, bounds);
        int middle = bounds[InternalNode.Arity / 2];
        if (depth == 0 && hi - lo >= _parallelThreshold && middle > lo && middle < hi)
        {
            // Disjoint key ranges touch disjoint nodes, so the halves share only the thread-safe node store.
            TreeWriteSet leftWrites = w.Persist ? WriteSets.Rent(w.Version, persist: true) : new TreeWriteSet(w.Version, persist: false);
            int[] boundsCopy = bounds.ToArray();
            Hash256 nodePath = path;
            Task left = Task.Run(() => UpdateSlots(inner, depth, nodePath, u, boundsCopy, 0, InternalNode.Arity / 2, children, leftWrites));
            UpdateSlots(inner, depth, path, u, boundsCopy, InternalNode.Arity / 2, InternalNode.Arity, children, w);
            left.GetAwaiter().GetResult();
            w.Append(leftWrites);
            if (w.Persist)
            {
                WriteSets.Return(leftWrites);
            }
        }
        else
        {
            UpdateSlots(inner, depth, path, u, bounds, 0, InternalNode.Arity, children, w);
        }

        bool unchanged = true;
        for (int slot = 0; slot < InternalNode.Arity; slot++)
        {
            unchanged &= children[slot].Unchanged;
        }

        if (unchanged)
        {
            return Subtree.Existing(node, id);
        }

        w.MarkStale(id);
        return Combine(depth, path, children, inner, w);
    }

    private void UpdateSlots(InternalNode inner, int depth, in Hash256 path, TreeUpdate[] u, ReadOnlySpan<int> bounds, int from, int to, Subtree[] results, TreeWriteSet w)
    {
        for (int slot = from; slot < to; slot++)
        {
            NodeRef child = inner.Children[slot];
            Hash256 childPath = TreePath.ChildAt(path, depth, slot);
            results[slot] = bounds[slot] == bounds[slot + 1]
                ? Subtree.Existing(child, new NodeId(child.Version, depth + Step, childPath))
                : UpdateNode(child, depth + Step, childPath, u, bounds[slot], bounds[slot + 1], w);
        }
    }

    /// <summary>Builds a fresh subtree from the inserts in u[lo..hi) plus an optional surviving leaf.</summary>
    private Subtree Build(int depth, in Hash256 path, TreeUpdate[] u, int lo, int hi, LeafNode? extra, TreeWriteSet w)
    {
        int inserts = 0;
        int last = -1;
        for (int i = lo; i < hi; i++)
        {
            if (u[i].Value is not null)
            {
                inserts++;
                last = i;
            }
        }

        int total = inserts + (extra is null ? 0 : 1);
        if (total == 0)
        {
            return Subtree.Empty(changed: true);
        }

        if (total == 1)
        {
            return extra is not null
                ? Subtree.NewLeaf(extra.Key, extra.Value, extra.ValueHash)
                : Subtree.NewLeaf(u[last].Key, u[last].Value!, u[last].ValueHash);
        }

        if (depth >= TreePath.MaxDepth)
        {
            throw new StateCorruptionException("Two distinct keys cannot share all 256 bits.");
        }

        Span<int> bounds = stackalloc int[InternalNode.Arity + 1];
        SplitByNibble(u, lo, hi, depth, bounds);
        int extraSlot = extra is null ? -1 : TreePath.Nibble(extra.Key, depth);
        Subtree[] children = RentSlots();
        try
        {
            for (int slot = 0; slot < InternalNode.Arity; slot++)
            {
                children[slot] = Build(depth + Step, TreePath.ChildAt(path, depth, slot), u, bounds[slot], bounds[slot + 1], slot == extraSlot ? extra : null, w);
            }

            return Combine(depth, path, children, null, w);
        }
        finally
        {
            ReturnSlots(children);
        }
    }

    /// <summary>
    /// A 16-slot scratch array per visited node (≈ 2.5 KB each) is most of an update's garbage; pooled, a block's
    /// update allocates little beyond the new nodes themselves.
    /// </summary>
    private static Subtree[] RentSlots() => ArrayPool<Subtree>.Shared.Rent(InternalNode.Arity);

    // Cleared: slots hold leaf values that must not outlive the update.
    private static void ReturnSlots(Subtree[] slots) => ArrayPool<Subtree>.Shared.Return(slots, clearArray: true);

    /// <summary>
    /// Forms the node at <paramref name="depth"/> from its slots, or collapses it to empty / its single leaf.
    /// <paramref name="previous"/> is the node it replaces at the same path, if any (its kept range hashes are reused).
    /// </summary>
    private Subtree Combine(int depth, in Hash256 path, Subtree[] children, InternalNode? previous, TreeWriteSet w)
    {
        int occupied = 0;
        int single = -1;
        for (int slot = 0; slot < InternalNode.Arity; slot++)
        {
            if (children[slot].Kind != NodeKind.Empty)
            {
                occupied++;
                single = slot;
            }
        }

        if (occupied == 0)
        {
            return Subtree.Empty(changed: true);
        }

        if (occupied == 1 && children[single].Kind == NodeKind.Leaf)
        {
            return children[single].Moved();
        }

        NodeRef[] refs = new NodeRef[InternalNode.Arity];
        for (int slot = 0; slot < InternalNode.Arity; slot++)
        {
            refs[slot] = Place(children[slot], depth + Step, w);
        }

        InternalNode node = new(refs);
        NodeId id = new(w.Version, depth, path);
        w.AddInternal(id, node);
        Hash256 hash = node.ComputeHash(previous, keepRanges: w.Persist && _store.Caches(depth));
        return Subtree.Stored(new NodeRef(NodeKind.Internal, w.Version, hash), id);
    }

    /// <summary>Fixes a subtree at its final depth; a leaf that is new or moved is written there.</summary>
    private NodeRef Place(in Subtree subtree, int depth, TreeWriteSet w)
    {
        if (subtree.Kind != NodeKind.Leaf || (subtree.IsStored && subtree.Id.Depth == depth))
        {
            return subtree.Ref;
        }

        Hash256 key;
        byte[] value;
        if (subtree.LeafValue is not null)
        {
            key = subtree.LeafKey;
            value = subtree.LeafValue;
        }
        else
        {
            LeafNode leaf = _store.GetLeaf(subtree.Id);
            key = leaf.Key;
            value = leaf.Value;
        }

        if (subtree.IsStored)
        {
            w.MarkStale(subtree.Id);
        }

        w.AddLeaf(NodeId.Create(w.Version, depth, key), key, value);
        return new NodeRef(NodeKind.Leaf, w.Version, subtree.Ref.Hash);
    }

    private static bool HasInsert(TreeUpdate[] u, int lo, int hi)
    {
        for (int i = lo; i < hi; i++)
        {
            if (u[i].Value is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>bounds[s]..bounds[s+1] = the updates whose nibble at <paramref name="depth"/> is s (keys are sorted).</summary>
    private static void SplitByNibble(TreeUpdate[] u, int lo, int hi, int depth, Span<int> bounds)
    {
        int i = lo;
        for (int slot = 0; slot < InternalNode.Arity; slot++)
        {
            bounds[slot] = i;
            while (i < hi && TreePath.Nibble(u[i].Key, depth) == slot)
            {
                i++;
            }
        }

        bounds[InternalNode.Arity] = i;
        if (i != hi)
        {
            throw new ArgumentException("Tree updates are not sorted by key.", nameof(u));
        }
    }

    /// <summary>The outcome of updating one subtree, before its final depth is known (a leaf may still move up).</summary>
    private readonly struct Subtree
    {
        private Subtree(NodeRef nodeRef, bool stored, NodeId id, bool unchanged, Hash256 leafKey, byte[]? leafValue)
        {
            Ref = nodeRef;
            IsStored = stored;
            Id = id;
            Unchanged = unchanged;
            LeafKey = leafKey;
            LeafValue = leafValue;
        }

        public NodeRef Ref { get; }

        public NodeKind Kind => Ref.Kind;

        /// <summary>The node already exists on disk at <see cref="Id"/>.</summary>
        public bool IsStored { get; }

        public NodeId Id { get; }

        public bool Unchanged { get; }

        public Hash256 LeafKey { get; }

        /// <summary>Set for leaves whose content is at hand; stored leaves are loaded only if they must move.</summary>
        public byte[]? LeafValue { get; }

        public static Subtree Existing(in NodeRef node, in NodeId id) =>
            new(node, node.Kind != NodeKind.Empty, id, unchanged: true, Hash256.Zero, null);

        public static Subtree Empty(bool changed) =>
            new(NodeRef.Empty, false, default, unchanged: !changed, Hash256.Zero, null);

        public static Subtree NewLeaf(in Hash256 key, byte[] value, in Hash256 valueHash) =>
            new(new NodeRef(NodeKind.Leaf, 0, TreeHasher.Leaf(key, valueHash)), false, default, unchanged: false, key, value);

        public static Subtree Stored(in NodeRef node, in NodeId id) =>
            new(node, true, id, unchanged: false, Hash256.Zero, null);

        public Subtree Moved() => new(Ref, IsStored, Id, unchanged: false, LeafKey, LeafValue);
    }
}
