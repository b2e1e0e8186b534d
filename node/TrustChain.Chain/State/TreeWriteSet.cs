using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// Everything one batched tree update produces: new nodes (encoded), nodes they replace (the stale index), and
/// decoded internals to cache once the batch is durable. When <see cref="Persist"/> is false (root preview) only
/// hashes are computed and nothing is encoded.
/// </summary>
internal sealed class TreeWriteSet
{
    public TreeWriteSet(ulong version, bool persist)
    {
        Version = version;
        Persist = persist;
    }

    public ulong Version { get; }

    public bool Persist { get; }

    public List<KeyValuePair<NodeId, byte[]>> Nodes { get; } = [];

    public List<KeyValuePair<NodeId, InternalNode>> NewInternals { get; } = [];

    public List<NodeId> Stale { get; } = [];

    public void AddInternal(in NodeId id, InternalNode node)
    {
        if (!Persist)
        {
            return;
        }

        Nodes.Add(new(id, NodeCodec.EncodeInternal(node)));
        NewInternals.Add(new(id, node));
    }

    public void AddLeaf(in NodeId id, in Hash256 key, byte[] value)
    {
        if (Persist)
        {
            Nodes.Add(new(id, NodeCodec.EncodeLeaf(key, value)));
        }
    }

    public void MarkStale(in NodeId id)
    {
        if (Persist)
        {
            Stale.Add(id);
        }
    }

    public void Append(TreeWriteSet other)
    {
        Nodes.AddRange(other.Nodes);
        NewInternals.AddRange(other.NewInternals);
        Stale.AddRange(other.Stale);
    }
}
