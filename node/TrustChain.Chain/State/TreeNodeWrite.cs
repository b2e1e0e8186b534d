using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// One node a commit writes: an internal node, or a leaf's key and value. Encoded only when it goes into the write
/// batch (into a reused buffer), so an update does not allocate a byte[] per node that lives only until the batch copies it.
/// </summary>
internal readonly struct TreeNodeWrite
{
    private TreeNodeWrite(in NodeId id, InternalNode? node, in Hash256 leafKey, byte[]? leafValue)
    {
        Id = id;
        Internal = node;
        LeafKey = leafKey;
        LeafValue = leafValue;
    }

    public NodeId Id { get; }

    /// <summary>Set for an internal node; null for a leaf.</summary>
    public InternalNode? Internal { get; }

    public Hash256 LeafKey { get; }

    public byte[]? LeafValue { get; }

    public int EncodedLength => Internal is not null ? NodeCodec.InternalLength(Internal) : NodeCodec.LeafLength(LeafValue!);

    public static TreeNodeWrite ForInternal(in NodeId id, InternalNode node) => new(id, node, Hash256.Zero, null);

    public static TreeNodeWrite ForLeaf(in NodeId id, in Hash256 key, byte[] value) => new(id, null, key, value);

    /// <summary>Writes the node's stored form (see <see cref="NodeCodec"/>) and returns its length.</summary>
    public int Encode(Span<byte> destination) =>
        Internal is not null ? NodeCodec.EncodeInternal(Internal, destination) : NodeCodec.EncodeLeaf(LeafKey, LeafValue, destination);
}
