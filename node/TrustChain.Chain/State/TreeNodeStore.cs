using System.Collections.Concurrent;
using TrustChain.Storage;

namespace TrustChain.Chain.State;

/// <summary>
/// Reads tree nodes from the "statenodes" column family, keeping decoded internal nodes in a bounded in-memory
/// cache. Versioned ids make cached entries immutable, so the cache never needs invalidation for correctness —
/// eviction only keeps memory bounded (stale nodes are dropped at commit, pruned ones at prune).
/// Thread-safe: batched updates read from two threads.
/// </summary>
internal sealed class TreeNodeStore
{
    private readonly RocksDatabase _db;
    private readonly ColumnFamily _nodes;
    private readonly ConcurrentDictionary<NodeId, InternalNode> _cache = new();
    private readonly int _capacity;
    private readonly int _maxCachedDepth;

    // ConcurrentDictionary.Count takes every bucket lock; the bound is checked per cached node, so it is tracked here.
    private int _count;

    public TreeNodeStore(RocksDatabase db, ColumnFamily nodes, int cacheCapacity, int maxCachedDepth = TreePath.MaxDepth)
    {
        _db = db;
        _nodes = nodes;
        _capacity = cacheCapacity;
        _maxCachedDepth = maxCachedDepth;
    }

    public int CachedCount => Volatile.Read(ref _count);

    /// <summary>Whether internal nodes at <paramref name="depth"/> are admitted to the cache.</summary>
    public bool Caches(int depth) => depth <= _maxCachedDepth;

    public InternalNode GetInternal(in NodeId id)
    {
        if (_cache.TryGetValue(id, out InternalNode? cached))
        {
            return cached;
        }

        Span<byte> key = stackalloc byte[NodeId.MaxKeyLength];
        int length = id.WriteKey(key);
        if (!_db.TryRead(_nodes, key[..length], id, static (value, nodeId) => NodeCodec.DecodeInternal(value, nodeId), out InternalNode? node) || node is null)
        {
            throw Missing(id);
        }

        if (id.Depth <= _maxCachedDepth && Volatile.Read(ref _count) < _capacity && _cache.TryAdd(id, node))
        {
            Interlocked.Increment(ref _count);
        }

        return node;
    }

    public LeafNode GetLeaf(in NodeId id)
    {
        Span<byte> key = stackalloc byte[NodeId.MaxKeyLength];
        int length = id.WriteKey(key);
        if (!_db.TryRead(_nodes, key[..length], id, static (value, nodeId) => NodeCodec.DecodeLeaf(value, nodeId), out LeafNode? leaf) || leaf is null)
        {
            throw Missing(id);
        }

        return leaf;
    }

    /// <summary>Called once a commit's batch is durable: its new nodes become cacheable, replaced ones leave.</summary>
    public void OnCommitted(TreeWriteSet writes)
    {
        foreach (NodeId stale in writes.Stale)
        {
            Evict(stale);
        }

        foreach (TreeNodeWrite write in writes.Nodes)
        {
            if (write.Internal is not { } node || write.Id.Depth > _maxCachedDepth)
            {
                continue;
            }

            NodeId id = write.Id;

            if (Volatile.Read(ref _count) >= _capacity)
            {
                break;
            }

            if (_cache.TryAdd(id, node))
            {
                Interlocked.Increment(ref _count);
            }
            else
            {
                _cache[id] = node;
            }
        }
    }

    public void Evict(in NodeId id)
    {
        if (_cache.TryRemove(id, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private static StateCorruptionException Missing(in NodeId id) =>
        new($"State node {id} is missing: it was pruned (root older than the retained history) or the database is corrupt.");
}
