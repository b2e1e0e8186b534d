using System.Buffers;
using TrustChain.Core;
using TrustChain.Storage;

namespace TrustChain.Chain.State;

/// <summary>
/// The authenticated state over one RocksDB: tree nodes and bookkeeping in "statenodes", the latest value of
/// every key in "state" (O(1) reads of the head). One writer commits blocks (<see cref="WorldState.Commit"/>);
/// any number of readers may read committed roots concurrently.
/// </summary>
public sealed class StateDatabase
{
    /// <summary>Holds any internal node (5 + 16·40 bytes) and leaves with values up to ~1 KB; larger leaves rent more.</summary>
    private const int EncodeBufferLength = 1024;

    private readonly RocksDatabase _db;
    private readonly ColumnFamily _nodes;
    private readonly ColumnFamily _flat;
    private readonly object _commitLock = new();
    private volatile StateRootHolder _latest;

    public StateDatabase(RocksDatabase db, StateDatabaseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        options ??= StateDatabaseOptions.Default;
        _db = db;
        _nodes = db.GetColumnFamily(DbColumns.StateNodes);
        _flat = db.GetColumnFamily(DbColumns.State);
        Store = new TreeNodeStore(db, _nodes, options.NodeCacheCapacity, options.NodeCacheMaxDepth);
        Tree = new SparseMerkleTree(Store, options.ParallelThreshold);
        _latest = new StateRootHolder(LoadLatest());
    }

    /// <summary>Root of the empty state: the empty-subtree hash, 32 zero bytes.</summary>
    public static Hash256 EmptyRoot => TreeHasher.EmptySubtree;

    public Hash256 LatestRoot => _latest.Info.Root;

    /// <summary>Block number of the latest commit, or null for a database that never committed state.</summary>
    public ulong? LatestVersion => _latest.Info.Version;

    /// <summary>Oldest version whose root is still readable (set by <see cref="Prune"/>), 0 if never pruned.</summary>
    public ulong OldestRetainedVersion
    {
        get
        {
            byte[]? value = _db.Get(_nodes, StateMetaKeys.OldestRetained);
            return value is null ? 0 : StateMetaKeys.DecodeVersion(value);
        }
    }

    /// <summary>Decoded internal nodes currently held in memory.</summary>
    public int CachedNodeCount => Store.CachedCount;

    internal TreeNodeStore Store { get; }

    internal SparseMerkleTree Tree { get; }

    internal StateRootInfo Latest => _latest.Info;

    public WorldState OpenLatest() => new(this, _latest.Info);

    public WorldState OpenWorldState(Hash256 root) => new(this, Resolve(root));

    /// <summary>A reader pinned to <paramref name="root"/> (any root within the retained history).</summary>
    public IStateReader GetReader(Hash256 root) => new TreeStateReader(Tree, Resolve(root));

    public bool HasRoot(Hash256 root)
    {
        try
        {
            Resolve(root);
            return true;
        }
        catch (StateRootNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Proof for a raw 32-byte state key (see <see cref="StateKeys"/>).</summary>
    public StateProof GetProof(Hash256 root, ReadOnlySpan<byte> stateKey)
    {
        if (stateKey.Length != Hash256.Length)
        {
            throw new ArgumentException($"A state key is {Hash256.Length} bytes, got {stateKey.Length}.", nameof(stateKey));
        }

        return Tree.GetProof(Resolve(root).RootRef, new Hash256(stateKey));
    }

    /// <summary>
    /// Adds to <paramref name="batch"/> the deletion of every node unreachable from the roots of versions
    /// ≥ <paramref name="keepFromBlock"/>, and of the root records of older versions (their roots then read as unknown).
    /// </summary>
    public void Prune(ulong keepFromBlock, WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (LatestVersion is not { } latest || keepFromBlock > latest)
        {
            throw new ArgumentOutOfRangeException(nameof(keepFromBlock), keepFromBlock,
                $"Cannot prune beyond the latest committed state version ({(LatestVersion?.ToString() ?? "none")}).");
        }

        IteratorOptions staleRange = new()
        {
            LowerBound = StateMetaKeys.Stale(0),
            UpperBound = keepFromBlock == ulong.MaxValue ? [StateMetaKeys.StalePrefix + 1] : StateMetaKeys.Stale(keepFromBlock + 1),
            FillCache = false,
        };
        using (RocksIterator stale = _db.CreateIterator(_nodes, staleRange))
        {
            for (stale.SeekToFirst(); stale.Valid; stale.Next())
            {
                ReadOnlySpan<byte> list = stale.Value;
                while (!list.IsEmpty)
                {
                    ReadOnlySpan<byte> nodeKey = StateMetaKeys.NextStaleKey(ref list);
                    batch.Delete(_nodes, nodeKey);
                    Store.Evict(NodeId.FromKey(nodeKey));
                }

                batch.Delete(_nodes, stale.Key);
            }
        }

        IteratorOptions rootRange = new()
        {
            LowerBound = StateMetaKeys.Root(0),
            UpperBound = StateMetaKeys.Root(keepFromBlock),
            FillCache = false,
        };
        using (RocksIterator roots = _db.CreateIterator(_nodes, rootRange))
        {
            for (roots.SeekToFirst(); roots.Valid; roots.Next())
            {
                NodeRef root = StateMetaKeys.DecodeRootRef(roots.Value);
                byte[] indexKey = StateMetaKeys.RootIndex(root.Hash);
                byte[]? newest = _db.Get(_nodes, indexKey);
                if (newest is not null && StateMetaKeys.DecodeVersion(newest) < keepFromBlock)
                {
                    batch.Delete(_nodes, indexKey);
                }

                batch.Delete(_nodes, roots.Key);
            }
        }

        batch.Put(_nodes, StateMetaKeys.OldestRetained, StateMetaKeys.EncodeVersion(keepFromBlock));
    }

    internal StateRootInfo Resolve(Hash256 root)
    {
        StateRootInfo latest = _latest.Info;
        if (root == latest.Root)
        {
            return latest;
        }

        if (root == EmptyRoot)
        {
            return StateRootInfo.Genesis;
        }

        byte[]? version = _db.Get(_nodes, StateMetaKeys.RootIndex(root));
        if (version is null)
        {
            throw new StateRootNotFoundException(root,
                $"State root {root} is unknown or was pruned (history keeps versions ≥ {OldestRetainedVersion}, latest {LatestVersion?.ToString() ?? "none"}).");
        }

        ulong v = StateMetaKeys.DecodeVersion(version);
        byte[]? record = _db.Get(_nodes, StateMetaKeys.Root(v));
        if (record is null)
        {
            throw new StateRootNotFoundException(root, $"State root {root} (version {v}) was pruned.");
        }

        NodeRef rootRef = StateMetaKeys.DecodeRootRef(record);
        if (rootRef.Hash != root)
        {
            throw new StateCorruptionException($"Root record of version {v} holds {rootRef.Hash}, index says {root}.");
        }

        return new StateRootInfo(root, rootRef, v);
    }

    internal bool IsLatest(in StateRootInfo root)
    {
        StateRootInfo latest = _latest.Info;
        return latest.Root == root.Root && latest.Version == root.Version;
    }

    internal byte[]? GetFlat(in Hash256 key) => _db.Get(_flat, key.Bytes);

    /// <summary>The latest values of <paramref name="keys"/> (packed 32-byte state keys) in one batched lookup.</summary>
    internal void GetFlatMany(ReadOnlySpan<byte> keys, byte[]?[] values) => _db.MultiGet(_flat, keys, Hash256.Length, values);

    /// <summary>Applies sorted updates on top of <paramref name="baseRoot"/> and stages everything in <paramref name="batch"/>.</summary>
    internal PendingCommit Commit(in StateRootInfo baseRoot, PreparedStateRoot prepared, WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(batch);
        ulong version = prepared.Version;
        TreeUpdate[] updates = prepared.Updates;
        int count = prepared.Count;
        lock (_commitLock)
        {
            StateRootInfo latest = _latest.Info;
            if (latest.Root != baseRoot.Root || latest.Version != baseRoot.Version)
            {
                throw new InvalidOperationException(
                    $"Only the latest state ({latest.Root} @ {latest.Version?.ToString() ?? "none"}) can be committed on; this overlay is based on {baseRoot.Root} @ {baseRoot.Version?.ToString() ?? "none"}.");
            }

            if (latest.Version is { } last && version <= last)
            {
                throw new ArgumentOutOfRangeException(nameof(version), version, $"State version must exceed the latest committed version {last}.");
            }
        }

        TreeWriteSet writes = prepared.Writes;
        NodeRef newRoot = prepared.Root;

        Span<byte> key = stackalloc byte[NodeId.MaxKeyLength];
        writes.Nodes.Sort(NodeKeyComparer.Instance);
        byte[] encoded = ArrayPool<byte>.Shared.Rent(EncodeBufferLength);
        try
        {
            foreach (TreeNodeWrite node in writes.Nodes)
            {
                int needed = node.EncodedLength;
                if (needed > encoded.Length)
                {
                    ArrayPool<byte>.Shared.Return(encoded);
                    encoded = ArrayPool<byte>.Shared.Rent(needed);
                }

                int length = node.Id.WriteKey(key);
                batch.Put(_nodes, key[..length], encoded.AsSpan(0, node.Encode(encoded)));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encoded);
        }

        if (writes.Stale.Count > 0)
        {
            batch.Put(_nodes, StateMetaKeys.Stale(version), StateMetaKeys.EncodeStaleList(writes.Stale));
        }

        for (int i = 0; i < count; i++)
        {
            ref readonly TreeUpdate update = ref updates[i];
            if (update.Value is null)
            {
                batch.Delete(_flat, update.Key.Bytes);
            }
            else
            {
                batch.Put(_flat, update.Key.Bytes, update.Value);
            }
        }

        batch.Put(_nodes, StateMetaKeys.Root(version), StateMetaKeys.EncodeRootRef(newRoot));
        if (newRoot.Kind != NodeKind.Empty)
        {
            batch.Put(_nodes, StateMetaKeys.RootIndex(newRoot.Hash), StateMetaKeys.EncodeVersion(version));
        }

        batch.Put(_nodes, StateMetaKeys.Latest, StateMetaKeys.EncodeVersion(version));
        return new PendingCommit(new StateRootInfo(newRoot.Hash, newRoot, version), writes);
    }

    internal void OnCommitted(PendingCommit commit)
    {
        lock (_commitLock)
        {
            StateRootInfo latest = _latest.Info;
            if (latest.Version is { } last && commit.Root.Version <= last)
            {
                throw new InvalidOperationException($"State version {commit.Root.Version} is not newer than the latest {last}.");
            }

            Store.OnCommitted(commit.Writes);
            _latest = new StateRootHolder(commit.Root);
            Tree.WriteSets.Return(commit.Writes);
        }
    }

    private StateRootInfo LoadLatest()
    {
        byte[]? latest = _db.Get(_nodes, StateMetaKeys.Latest);
        if (latest is null)
        {
            return StateRootInfo.Genesis;
        }

        ulong version = StateMetaKeys.DecodeVersion(latest);
        byte[] record = _db.Get(_nodes, StateMetaKeys.Root(version))
            ?? throw new StateCorruptionException($"Latest state version {version} has no root record.");
        NodeRef root = StateMetaKeys.DecodeRootRef(record);
        return new StateRootInfo(root.Hash, root, version);
    }

    /// <summary>Boxes the root so readers on other threads swap it atomically (a 70-byte struct would tear).</summary>
    private sealed record StateRootHolder(StateRootInfo Info);
}
