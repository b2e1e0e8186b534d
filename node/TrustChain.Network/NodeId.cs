using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Network;

/// <summary>
/// A node's identity on the wire: its 64-byte uncompressed secp256k1 public key (X||Y, no 0x04 prefix).
/// The full key (not the keccak address) is used so a peer's signature can be verified without recovery.
/// </summary>
public sealed class NodeId : IEquatable<NodeId>, IComparable<NodeId>
{
    public const int Length = Secp256k1.PublicKeyLength;

    private readonly byte[] _bytes;
    private readonly int _hashCode;

    public NodeId(ReadOnlySpan<byte> publicKey64)
    {
        if (publicKey64.Length != Length)
        {
            throw new ArgumentException($"A node id is a {Length}-byte public key, got {publicKey64.Length} bytes.", nameof(publicKey64));
        }

        if (!Secp256k1.IsValidPublicKey(publicKey64))
        {
            throw new ArgumentException("The node id is not a point on secp256k1.", nameof(publicKey64));
        }

        _bytes = publicKey64.ToArray();
        HashCode hash = new();
        hash.AddBytes(_bytes);
        _hashCode = hash.ToHashCode();
    }

    public static NodeId FromPrivateKey(PrivateKey key) => new(key.PublicKey);

    public static NodeId Parse(string hex)
    {
        if (!Hex.TryFromHexString(hex, out byte[]? bytes))
        {
            throw new FormatException($"Node id '{hex}' is not valid hex.");
        }

        if (bytes.Length != Length)
        {
            throw new FormatException($"Node id must be {Length} bytes of hex, got {bytes.Length}.");
        }

        if (!Secp256k1.IsValidPublicKey(bytes))
        {
            throw new FormatException("Node id is not a point on secp256k1.");
        }

        return new NodeId(bytes);
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Ethereum-style address of the node key, for display and for mapping to validator addresses.</summary>
    public Address Address => Address.FromPublicKey(_bytes);

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public bool Equals(NodeId? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is NodeId other && Equals(other);

    public override int GetHashCode() => _hashCode;

    public int CompareTo(NodeId? other) => other is null ? 1 : _bytes.AsSpan().SequenceCompareTo(other._bytes);

    public static bool operator ==(NodeId? a, NodeId? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(NodeId? a, NodeId? b) => !(a == b);

    public string ToHexString() => Hex.ToHexString(_bytes, withPrefix: false);

    /// <summary>Short form for logs: the first 8 bytes.</summary>
    public override string ToString() => Hex.ToHexString(_bytes.AsSpan(0, 8), withPrefix: false);
}
