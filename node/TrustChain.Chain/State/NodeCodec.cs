using System.Buffers.Binary;
using System.Numerics;
using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// On-disk node layout. Internal: 0x02 | occupied-slot bitmap (u16) | leaf-slot bitmap (u16) | per occupied slot
/// in order: version (u64) + hash — child versions are stored so a child's key is known without a lookup, and
/// empty slots cost nothing. Leaf: 0x01 | key | value.
/// </summary>
internal static class NodeCodec
{
    public const byte LeafTag = 0x01;
    public const byte InternalTag = 0x02;
    private const int HeaderLength = 5;
    private const int ChildLength = 8 + Hash256.Length;

    public static int InternalLength(InternalNode node)
    {
        int count = 0;
        NodeRef[] children = node.Children;
        for (int i = 0; i < InternalNode.Arity; i++)
        {
            if (children[i].Kind != NodeKind.Empty)
            {
                count++;
            }
        }

        return HeaderLength + count * ChildLength;
    }

    /// <summary>Writes the node into <paramref name="destination"/> (at least <see cref="InternalLength"/> bytes) and returns its length.</summary>
    public static int EncodeInternal(InternalNode node, Span<byte> destination)
    {
        ushort occupied = 0;
        ushort leaves = 0;
        int position = HeaderLength;
        NodeRef[] children = node.Children;
        for (int i = 0; i < InternalNode.Arity; i++)
        {
            if (children[i].Kind != NodeKind.Empty)
            {
                occupied |= (ushort)(1 << i);
                if (children[i].Kind == NodeKind.Leaf)
                {
                    leaves |= (ushort)(1 << i);
                }

                BinaryPrimitives.WriteUInt64BigEndian(destination[position..], children[i].Version);
                children[i].Hash.CopyTo(destination[(position + 8)..]);
                position += ChildLength;
            }
        }

        destination[0] = InternalTag;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], occupied);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], leaves);
        return position;
    }

    public static InternalNode DecodeInternal(ReadOnlySpan<byte> data, in NodeId id)
    {
        if (data.Length < HeaderLength || data[0] != InternalTag)
        {
            throw new StateCorruptionException($"Expected an internal node at {id}, found {Describe(data)}.");
        }

        ushort occupied = BinaryPrimitives.ReadUInt16BigEndian(data[1..]);
        ushort leaves = BinaryPrimitives.ReadUInt16BigEndian(data[3..]);
        int count = BitOperations.PopCount(occupied);
        if ((leaves & ~occupied) != 0 || count == 0 || data.Length != HeaderLength + count * ChildLength)
        {
            throw new StateCorruptionException($"Malformed internal node at {id} ({data.Length} bytes, slots 0x{occupied:x4}).");
        }

        NodeRef[] children = new NodeRef[InternalNode.Arity];
        int position = HeaderLength;
        for (int i = 0; i < InternalNode.Arity; i++)
        {
            if ((occupied & (1 << i)) != 0)
            {
                NodeKind kind = (leaves & (1 << i)) != 0 ? NodeKind.Leaf : NodeKind.Internal;
                children[i] = new NodeRef(kind, BinaryPrimitives.ReadUInt64BigEndian(data[position..]), new Hash256(data.Slice(position + 8, Hash256.Length)));
                position += ChildLength;
            }
        }

        return new InternalNode(children);
    }

    public static int LeafLength(ReadOnlySpan<byte> value) => 1 + Hash256.Length + value.Length;

    /// <summary>Writes the leaf into <paramref name="destination"/> (at least <see cref="LeafLength"/> bytes) and returns its length.</summary>
    public static int EncodeLeaf(in Hash256 key, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        destination[0] = LeafTag;
        key.CopyTo(destination[1..]);
        value.CopyTo(destination[(1 + Hash256.Length)..]);
        return LeafLength(value);
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

    private static string Describe(ReadOnlySpan<byte> data) =>
        data.IsEmpty ? "an empty value" : $"{data.Length} bytes with tag 0x{data[0]:x2}";
}
