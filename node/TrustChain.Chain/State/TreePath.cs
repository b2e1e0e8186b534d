using TrustChain.Core;

namespace TrustChain.Chain.State;

/// <summary>Bit addressing of 256-bit keys, most significant bit of byte 0 first (depth 0 = the root's split).</summary>
internal static class TreePath
{
    public const int MaxDepth = 256;

    public static int Bit(in Hash256 key, int depth) => (key.Bytes[depth >> 3] >> (7 - (depth & 7))) & 1;

    /// <summary>Keeps the first <paramref name="depth"/> bits, zeroing the rest.</summary>
    public static Hash256 Truncate(in Hash256 key, int depth)
    {
        if (depth >= MaxDepth)
        {
            return key;
        }

        Span<byte> bytes = stackalloc byte[Hash256.Length];
        key.Bytes.CopyTo(bytes);
        int full = depth >> 3;
        int rem = depth & 7;
        if (rem != 0)
        {
            bytes[full] &= (byte)(0xFF << (8 - rem));
            full++;
        }

        bytes[full..].Clear();
        return new Hash256(bytes);
    }

    public const int NibbleBits = 4;

    /// <summary>The 4-bit slot index at bit <paramref name="depth"/> (a multiple of 4).</summary>
    public static int Nibble(in Hash256 key, int depth)
    {
        byte b = key.Bytes[depth >> 3];
        return (depth & 4) == 0 ? b >> 4 : b & 0x0F;
    }

    /// <summary>The path of slot <paramref name="nibble"/> below the node at <paramref name="path"/>/<paramref name="depth"/>.</summary>
    public static Hash256 ChildAt(in Hash256 path, int depth, int nibble)
    {
        if (nibble == 0)
        {
            return path;
        }

        Span<byte> bytes = stackalloc byte[Hash256.Length];
        path.Bytes.CopyTo(bytes);
        bytes[depth >> 3] |= (byte)((depth & 4) == 0 ? nibble << 4 : nibble);
        return new Hash256(bytes);
    }

    /// <summary>Whether the first <paramref name="depth"/> bits of both keys agree.</summary>
    public static bool SharesPrefix(in Hash256 a, in Hash256 b, int depth)
    {
        ReadOnlySpan<byte> x = a.Bytes;
        ReadOnlySpan<byte> y = b.Bytes;
        int full = depth >> 3;
        if (!x[..full].SequenceEqual(y[..full]))
        {
            return false;
        }

        int rem = depth & 7;
        if (rem == 0)
        {
            return true;
        }

        int mask = 0xFF << (8 - rem) & 0xFF;
        return ((x[full] ^ y[full]) & mask) == 0;
    }
}
