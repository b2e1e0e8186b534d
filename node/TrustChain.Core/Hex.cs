using System.Diagnostics.CodeAnalysis;

namespace TrustChain.Core;

/// <summary>Hex encoding/decoding of byte data, with or without the "0x" prefix.</summary>
public static class Hex
{
    // Maps an ASCII char to its nibble value, 0xFF for anything that is not a hex digit.
    private static readonly byte[] NibbleLookup = BuildNibbleLookup();

    public static string ToHexString(ReadOnlySpan<byte> bytes, bool withPrefix = true)
    {
        if (!withPrefix)
        {
            return Convert.ToHexStringLower(bytes);
        }

        int length = 2 + bytes.Length * 2;
        return string.Create(length, bytes, static (span, b) =>
        {
            span[0] = '0';
            span[1] = 'x';
            Convert.TryToHexStringLower(b, span[2..], out _);
        });
    }

    public static string ToHexString(byte[] bytes, bool withPrefix = true) => ToHexString(bytes.AsSpan(), withPrefix);

    /// <summary>Decodes hex with or without "0x". Throws <see cref="FormatException"/> on odd length or non-hex chars.</summary>
    public static byte[] FromHexString(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        ReadOnlySpan<char> chars = StripPrefix(hex.AsSpan());
        if ((chars.Length & 1) != 0)
        {
            throw new FormatException($"Hex string has an odd number of digits ({chars.Length}).");
        }

        byte[] result = new byte[chars.Length / 2];
        if (!TryDecode(chars, result, out int badIndex))
        {
            throw new FormatException($"Invalid hex character '{chars[badIndex]}' at position {badIndex + (hex.Length - chars.Length)}.");
        }

        return result;
    }

    public static bool TryFromHexString(string? hex, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (hex is null)
        {
            return false;
        }

        ReadOnlySpan<char> chars = StripPrefix(hex.AsSpan());
        if ((chars.Length & 1) != 0)
        {
            return false;
        }

        byte[] result = new byte[chars.Length / 2];
        if (!TryDecode(chars, result, out _))
        {
            return false;
        }

        bytes = result;
        return true;
    }

    /// <summary>Decodes an even-length hex span (prefix already stripped) into <paramref name="destination"/>.</summary>
    public static bool TryDecode(ReadOnlySpan<char> chars, Span<byte> destination, out int badIndex)
    {
        if ((chars.Length & 1) != 0 || destination.Length < chars.Length / 2)
        {
            badIndex = chars.Length;
            return false;
        }

        byte[] lookup = NibbleLookup;
        for (int i = 0, j = 0; i < chars.Length; i += 2, j++)
        {
            char hi = chars[i];
            char lo = chars[i + 1];
            int h = hi < 128 ? lookup[hi] : 0xFF;
            int l = lo < 128 ? lookup[lo] : 0xFF;
            if (h == 0xFF || l == 0xFF)
            {
                badIndex = h == 0xFF ? i : i + 1;
                return false;
            }

            destination[j] = (byte)((h << 4) | l);
        }

        badIndex = -1;
        return true;
    }

    public static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> hex) =>
        hex.Length >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X') ? hex[2..] : hex;

    private static byte[] BuildNibbleLookup()
    {
        byte[] table = new byte[128];
        Array.Fill(table, (byte)0xFF);
        for (int c = '0'; c <= '9'; c++)
        {
            table[c] = (byte)(c - '0');
        }

        for (int c = 'a'; c <= 'f'; c++)
        {
            table[c] = (byte)(c - 'a' + 10);
            table[c - 'a' + 'A'] = (byte)(c - 'a' + 10);
        }

        return table;
    }
}
