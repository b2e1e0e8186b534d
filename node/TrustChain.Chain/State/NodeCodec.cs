using System.Buffers.Binary;
using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// On-disk node layout. Internal: 0x02 | (kind, version, hash) left | (kind, version, hash) right — fixed 83 bytes,
/// child versions included so a child's storage key can be formed without a lookup. Leaf: 0x01 | key | value.
/// </summary>
internal static class NodeCodec
{
    public const byte LeafTag = 0x01;
    public const byte InternalTag = 0x02;
    private const int RefLength = 1 + 8 + Hash256.Length;
    public const int InternalLength = 1 + 2 * RefLength;

    public static byte[] EncodeInternal(in InternalNode node)
    {
        byte[] result = new byte[InternalLength];
        result[0] = InternalTag;
        WriteRef(result.AsSpan(1), node.Left);
        WriteRef(result.AsSpan(1 + RefLength), node.Right);
        return result;
    }

    public static InternalNode DecodeInternal(ReadOnlySpan<byte> data, in NodeId id)
    {
        if (data.Length != InternalLength || data[0] != InternalTag)
        {
            throw new StateCorruptionException($"Expected an internal node at {id}, found {Describe(data)}.");
        }

        return new InternalNode(ReadRef(data.Slice(1, RefLength), id), ReadRef(data.Slice(1 + RefLength, RefLength), id));
    }

    public static byte[] EncodeLeaf(in Hash256 key, ReadOnlySpan<byte> value)
    {
        byte[] result = new byte[1 + Hash256.Length + value.Length];
        result[0] = LeafTag;
        key.CopyTo(result.AsSpan(1));
        value.CopyTo(result.AsSpan(1 + Hash256.Length));
        return result;
    }

    public static LeafNode DecodeLeaf(ReadOnlySpan<byte> data, in NodeId id)
    {
        if (data.Length <= 1 + Hash256.Length || data[0] != LeafTag)
        {
            throw new StateCorruptionException($"Expected a leaf node at {id}, found {Describe(data)}.");
        }

        Hash256 key = new(data.Slice(1, Hash256.Length));
        ReadOnlySpan<byte> value = data[(1 + Hash256.Length)..];
        return new LeafNode(key, value.ToArray(), TreeHasher.Value(value));
    }

    private static void WriteRef(Span<byte> destination, in NodeRef child)
    {
        destination[0] = (byte)child.Kind;
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], child.Version);
        child.Hash.CopyTo(destination[9..]);
    }

    private static NodeRef ReadRef(ReadOnlySpan<byte> data, in NodeId id)
    {
        NodeKind kind = (NodeKind)data[0];
        if (kind > NodeKind.Internal)
        {
            throw new StateCorruptionException($"Internal node {id} has a child of unknown kind {data[0]}.");
        }

        return new NodeRef(kind, BinaryPrimitives.ReadUInt64BigEndian(data[1..]), new Hash256(data.Slice(9, Hash256.Length)));
    }

    private static string Describe(ReadOnlySpan<byte> data) =>
        data.IsEmpty ? "an empty value" : $"{data.Length} bytes with tag 0x{data[0]:x2}";
}
