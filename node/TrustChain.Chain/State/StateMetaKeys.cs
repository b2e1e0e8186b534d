using System.Buffers.Binary;
using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// Bookkeeping keys that share the "statenodes" column family with the nodes ('n' prefix, see <see cref="NodeId"/>):
/// 'r' version → root pointer; 'h' root hash → newest version with that root; 's' staleSince → list of node keys
/// no longer reachable from roots ≥ staleSince; 'L' → latest version; 'P' → oldest retained version.
/// Versions are big-endian so range scans run in block order.
/// </summary>
internal static class StateMetaKeys
{
    public const byte RootPrefix = (byte)'r';
    public const byte RootIndexPrefix = (byte)'h';
    public const byte StalePrefix = (byte)'s';
    public static ReadOnlySpan<byte> Latest => "L"u8;
    public static ReadOnlySpan<byte> OldestRetained => "P"u8;

    public static byte[] Root(ulong version) => Versioned(RootPrefix, version);

    public static byte[] Stale(ulong version) => Versioned(StalePrefix, version);

    public static byte[] RootIndex(in Hash256 root)
    {
        byte[] key = new byte[1 + Hash256.Length];
        key[0] = RootIndexPrefix;
        root.CopyTo(key.AsSpan(1));
        return key;
    }

    /// <summary>
    /// All node keys a commit made unreachable, as one value (1-byte length + key each): one put per block instead
    /// of one per replaced node, which would double the batch.
    /// </summary>
    public static byte[] EncodeStaleList(List<NodeId> stale)
    {
        int length = 0;
        foreach (NodeId id in stale)
        {
            length += 1 + id.KeyLength;
        }

        byte[] value = new byte[length];
        int position = 0;
        foreach (NodeId id in stale)
        {
            int written = id.WriteKey(value.AsSpan(position + 1));
            value[position] = (byte)written;
            position += 1 + written;
        }

        return value;
    }

    public static ReadOnlySpan<byte> NextStaleKey(ref ReadOnlySpan<byte> list)
    {
        int length = list[0];
        if (list.Length < 1 + length)
        {
            throw new StateCorruptionException("Truncated stale-node list.");
        }

        ReadOnlySpan<byte> key = list.Slice(1, length);
        list = list[(1 + length)..];
        return key;
    }

    public static byte[] EncodeVersion(ulong version)
    {
        byte[] value = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(value, version);
        return value;
    }

    public static ulong DecodeVersion(ReadOnlySpan<byte> value) =>
        value.Length == 8 ? BinaryPrimitives.ReadUInt64BigEndian(value) : throw new StateCorruptionException($"State version record has {value.Length} bytes, expected 8.");

    public static byte[] EncodeRootRef(in NodeRef root)
    {
        byte[] value = new byte[1 + 8 + Hash256.Length];
        value[0] = (byte)root.Kind;
        BinaryPrimitives.WriteUInt64BigEndian(value.AsSpan(1), root.Version);
        root.Hash.CopyTo(value.AsSpan(9));
        return value;
    }

    public static NodeRef DecodeRootRef(ReadOnlySpan<byte> value)
    {
        if (value.Length != 1 + 8 + Hash256.Length || value[0] > (byte)NodeKind.Internal)
        {
            throw new StateCorruptionException($"Malformed state root record ({value.Length} bytes).");
        }

        return new NodeRef((NodeKind)value[0], BinaryPrimitives.ReadUInt64BigEndian(value[1..]), new Hash256(value.Slice(9, Hash256.Length)));
    }

    private static byte[] Versioned(byte prefix, ulong version)
    {
        byte[] key = new byte[9];
        key[0] = prefix;
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), version);
        return key;
    }
}
