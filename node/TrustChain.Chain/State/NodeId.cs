using System.Buffers.Binary;
using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>
/// Storage identity of a tree node, Jellyfish style: the version (block number) that wrote it and its path
/// (the first <see cref="Depth"/> bits of any key below it, remaining bits zero). Nodes are immutable once
/// written, so a versioned id can be cached and shared by every root that still reaches it.
/// </summary>
internal readonly record struct NodeId(ulong Version, int Depth, Hash256 Path)
{
    public const byte KeyPrefix = (byte)'n';

    /// <summary>Prefix byte + version (8, big-endian so keys sort by version) + depth (2) + path bytes.</summary>
    public const int MaxKeyLength = 1 + 8 + 2 + Hash256.Length;

    public static NodeId Create(ulong version, int depth, in Hash256 anyKeyBelow) =>
        new(version, depth, TreePath.Truncate(anyKeyBelow, depth));

    public int KeyLength => 1 + 8 + 2 + ((Depth + 7) >> 3);

    public int WriteKey(Span<byte> destination)
    {
        destination[0] = KeyPrefix;
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], Version);
        BinaryPrimitives.WriteUInt16BigEndian(destination[9..], (ushort)Depth);
        int pathBytes = (Depth + 7) >> 3;
        Path.Bytes[..pathBytes].CopyTo(destination[11..]);
        return 11 + pathBytes;
    }

    public static NodeId FromKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < 11 || key[0] != KeyPrefix)
        {
            throw new StateCorruptionException($"Malformed state node key of {key.Length} bytes.");
        }

        ulong version = BinaryPrimitives.ReadUInt64BigEndian(key[1..]);
        int depth = BinaryPrimitives.ReadUInt16BigEndian(key[9..]);
        int pathBytes = (depth + 7) >> 3;
        if (depth > TreePath.MaxDepth || key.Length != 11 + pathBytes)
        {
            throw new StateCorruptionException($"Malformed state node key (depth {depth}, {key.Length} bytes).");
        }

        Span<byte> path = stackalloc byte[Hash256.Length];
        path.Clear();
        key[11..].CopyTo(path);
        return new NodeId(version, depth, new Hash256(path));
    }

    public override string ToString() => $"node(v{Version}, depth {Depth}, {Path})";
}
