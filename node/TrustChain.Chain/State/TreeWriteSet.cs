using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// Everything one batched tree update produces: new nodes (encoded when they go into the write batch; their internals
/// are cached once the batch is durable) and nodes they replace (the stale index). When <see cref="Persist"/> is false
/// (root preview) only hashes are computed and nothing is kept.
/// </summary>
internal sealed class TreeWriteSet
{
    public TreeWriteSet(ulong version, bool persist)
    {
        Version = version;
        Persist = persist;
    }

    public ulong Version { get; private set; }

    public bool Persist { get; private set; }

    public List<TreeNodeWrite> Nodes { get; } = [];

    public List<NodeId> Stale { get; } = [];

    public void AddInternal(in NodeId id, InternalNode node)
    {
        if (!Persist)
        {
            return;
        }

        Nodes.Add(TreeNodeWrite.ForInternal(id, node));
    }

    public void AddLeaf(in NodeId id, in Hash256 key, byte[] value)
    {
        if (Persist)
        {
            Nodes.Add(TreeNodeWrite.ForLeaf(id, key, value));
        }
    }

    public void MarkStale(in NodeId id)
    {
        if (Persist)
        {
            Stale.Add(id);
        }
    }

    /// <summary>Empties the set for another update, keeping the lists' capacity (see <see cref="TreeWriteSetPool"/>).</summary>
    public void Reuse(ulong version, bool persist)
    {
        Nodes.Clear();
        Stale.Clear();
        Version = version;
        Persist = persist;
    }

    public void Append(TreeWriteSet other)
    {
        Nodes.AddRange(other.Nodes);
        Stale.AddRange(other.Stale);
    }
}
