using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Chain.State;

/// <summary>
/// The tree's hash rules. Domain bytes 0x00 (leaf) and 0x01 (internal) keep a leaf from ever being
/// reinterpreted as an internal node. An empty subtree hashes to 32 zero bytes.
/// </summary>
public static class TreeHasher
{
    public static Hash256 EmptySubtree => Hash256.Zero;

    /// <summary>keccak(0x00 || key || keccak(value)).</summary>
    public static Hash256 Leaf(in Hash256 key, in Hash256 valueHash)
    {
        Span<byte> preimage = stackalloc byte[1 + 2 * Hash256.Length];
        preimage[0] = 0x00;
        key.CopyTo(preimage[1..]);
        valueHash.CopyTo(preimage[(1 + Hash256.Length)..]);
        return Keccak256.Compute(preimage);
    }

    /// <summary>keccak(0x01 || left || right).</summary>
    public static Hash256 Internal(in Hash256 left, in Hash256 right)
    {
        Span<byte> preimage = stackalloc byte[1 + 2 * Hash256.Length];
        preimage[0] = 0x01;
        left.CopyTo(preimage[1..]);
        right.CopyTo(preimage[(1 + Hash256.Length)..]);
        return Keccak256.Compute(preimage);
    }

    public static Hash256 Value(ReadOnlySpan<byte> value) => Keccak256.Compute(value);
}
