using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// Binary sparse Merkle tree over 256-bit keys with Jellyfish-style compressed paths.
/// <para>Shape (canonical, so the root depends only on the key/value set):</para>
/// <list type="bullet">
/// <item>A leaf sits at the shallowest depth at which its key prefix is unique among all keys.</item>
/// <item>An internal node exists at every prefix shared by ≥ 2 keys; its hash is keccak(0x01 || left || right),
/// an empty child contributing 32 zero bytes.</item>
/// <item>Collapse rule: an internal node whose children are one leaf and one empty subtree is replaced by the
/// leaf itself (moved up). An internal node with one empty child and one internal child stays — the internal
/// child covers ≥ 2 keys, so nothing can move up.</item>
/// </list>
/// Binary (rather than 16-ary) storage nodes keep proofs to one hash per level and the update code simple; with
/// Keccak-distributed keys the depth is ≈ log2(n), and the upper levels are served from the node cache.
/// </summary>
internal sealed class SparseMerkleTree
{
    /// <summary>Below this many updates the root's two subtrees are not worth a thread hop.</summary>
    public const int DefaultParallelThreshold = 1024;

    private readonly TreeNodeStore _store;
    private readonly int _parallelThreshold;

    public SparseMerkleTree(TreeNodeStore store, int parallelThreshold = DefaultParallelThreshold)
    {
        _store = store;
        _parallelThreshold = parallelThreshold;
    }

    public byte[]? Get(in NodeRef root, in Hash256 key)
    {
        NodeRef node = root;
        for (int depth = 0; ; depth++)
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
                    node = inner.Child(TreePath.Bit(key, depth));
                    break;
            }
        }
    }

    public StateProof GetProof(in NodeRef root, in Hash256 key)
    {
        List<Hash256> siblings = [];
        NodeRef node = root;
        for (int depth = 0; ; depth++)
        {
            switch (node.Kind)
            {
                case NodeKind.Empty:
                    return new StateProof(key, null, siblings, null, null);
                case NodeKind.Leaf:
                    LeafNode leaf = _store.GetLeaf(NodeId.Create(node.Version, depth, key));
                    return leaf.Key == key
                        ? new StateProof(key, leaf.Value, siblings, null, null)
                        : new StateProof(key, null, siblings, leaf.Key, leaf.ValueHash);
                default:
                    InternalNode inner = _store.GetInternal(NodeId.Create(node.Version, depth, key));
                    int bit = TreePath.Bit(key, depth);
                    siblings.Add(inner.Child(1 - bit).Hash);
                    node = inner.Child(bit);
                    break;
            }
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

    private Subtree UpdateNode(in NodeRef node, int depth, in Hash256 path, TreeUpdate[] u, int lo, int hi, TreeWriteSet w)
    {
        switch (node.Kind)
        {
            case NodeKind.Empty:
                // Deleting keys that are absent leaves an empty subtree untouched (no rewrite of the path above).
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
        int mid = SplitPoint(u, lo, hi, depth);
        Hash256 rightPath = TreePath.Child(path, depth, 1);
        Subtree left;
        Subtree right;
        if (hi - lo >= _parallelThreshold && mid > lo && mid < hi && depth == 0)
        {
            // Disjoint key ranges touch disjoint nodes, so the halves only share the (thread-safe) node store.
            TreeWriteSet leftWrites = new(w.Version, w.Persist);
            NodeRef leftRef = inner.Left;
            Hash256 leftPath = path;
            Task<Subtree> leftTask = Task.Run(() => Child(leftRef, depth + 1, leftPath, u, lo, mid, leftWrites));
            right = Child(inner.Right, depth + 1, rightPath, u, mid, hi, w);
            left = leftTask.GetAwaiter().GetResult();
            w.Append(leftWrites);
        }
        else
        {
            left = Child(inner.Left, depth + 1, path, u, lo, mid, w);
            right = Child(inner.Right, depth + 1, rightPath, u, mid, hi, w);
        }

        if (left.Unchanged && right.Unchanged)
        {
            return Subtree.Existing(node, id);
        }

        w.MarkStale(id);
        return Combine(depth, path, left, right, w);
    }

    private Subtree Child(in NodeRef child, int depth, in Hash256 path, TreeUpdate[] u, int lo, int hi, TreeWriteSet w) =>
        lo == hi ? Subtree.Existing(child, new NodeId(child.Version, depth, path)) : UpdateNode(child, depth, path, u, lo, hi, w);

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

        int mid = SplitPoint(u, lo, hi, depth);
        LeafNode? extraLeft = null;
        LeafNode? extraRight = null;
        if (extra is not null)
        {
            if (TreePath.Bit(extra.Key, depth) == 0)
            {
                extraLeft = extra;
            }
            else
            {
                extraRight = extra;
            }
        }

        Subtree left = Build(depth + 1, path, u, lo, mid, extraLeft, w);
        Subtree right = Build(depth + 1, TreePath.Child(path, depth, 1), u, mid, hi, extraRight, w);
        return Combine(depth, path, left, right, w);
    }

    private Subtree Combine(int depth, in Hash256 path, in Subtree left, in Subtree right, TreeWriteSet w)
    {
        if (left.Kind == NodeKind.Empty && right.Kind != NodeKind.Internal)
        {
            return right.Kind == NodeKind.Empty ? Subtree.Empty(changed: true) : right.Moved();
        }

        if (right.Kind == NodeKind.Empty && left.Kind == NodeKind.Leaf)
        {
            return left.Moved();
        }

        NodeRef leftRef = Place(left, depth + 1, w);
        NodeRef rightRef = Place(right, depth + 1, w);
        InternalNode node = new(leftRef, rightRef);
        NodeId id = new(w.Version, depth, path);
        w.AddInternal(id, node);
        return Subtree.Stored(new NodeRef(NodeKind.Internal, w.Version, TreeHasher.Internal(leftRef.Hash, rightRef.Hash)), id);
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

    /// <summary>First index in u[lo..hi) whose key has bit <paramref name="depth"/> set (keys there share the prefix before it).</summary>
    private static int SplitPoint(TreeUpdate[] u, int lo, int hi, int depth)
    {
        int a = lo;
        int b = hi;
        while (a < b)
        {
            int m = (a + b) >>> 1;
            if (TreePath.Bit(u[m].Key, depth) == 0)
            {
                a = m + 1;
            }
            else
            {
                b = m;
            }
        }

        return a;
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
