using System.Buffers;
using System.Buffers.Binary;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>
/// Ethereum JSON-RPC hex encoding ("0x"-prefixed, lowercase, quantities without leading zeros) with geth's
/// hexutil validation rules and error texts, so clients see the messages they expect.
/// </summary>
public static class RpcHex
{
    public const string ErrEmptyString = "empty hex string";
    public const string ErrSyntax = "invalid hex string";
    public const string ErrMissingPrefix = "hex string without 0x prefix";
    public const string ErrOddLength = "hex string of odd length";
    public const string ErrEmptyNumber = "hex string \"0x\"";
    public const string ErrLeadingZero = "hex number with leading zero digits";
    public const string ErrUint64Range = "hex number > 64 bits";
    public const string ErrBig256Range = "hex number > 256 bits";

    public static string EncodeQuantity(ulong value)
    {
        if (value == 0)
        {
            return "0x0";
        }

        int digits = (64 - System.Numerics.BitOperations.LeadingZeroCount(value) + 3) >> 2;
        return string.Create(digits + 2, value, static (span, v) =>
        {
            span[0] = '0';
            span[1] = 'x';
            for (int i = span.Length - 1; i >= 2; i--)
            {
                span[i] = "0123456789abcdef"[(int)(v & 0xF)];
                v >>= 4;
            }
        });
    }

    /// <summary>Encodes a big-endian unsigned integer of any width (e.g. a 256-bit balance) as a minimal quantity.</summary>
    public static string EncodeQuantity(ReadOnlySpan<byte> bigEndian)
    {
        int first = bigEndian.IndexOfAnyExcept((byte)0);
        if (first < 0)
        {
            return "0x0";
        }

        ReadOnlySpan<byte> significant = bigEndian[first..];
        string hex = Convert.ToHexStringLower(significant);
        return hex[0] == '0' ? string.Concat("0x", hex.AsSpan(1)) : "0x" + hex;
    }

    public static string EncodeBytes(ReadOnlySpan<byte> data) => "0x" + Convert.ToHexStringLower(data);

    /// <summary>Parses a 64-bit quantity (hexutil.Uint64 rules). On failure <paramref name="error"/> holds geth's message.</summary>
    public static bool TryDecodeQuantity(ReadOnlySpan<char> text, out ulong value, out string? error)
    {
        value = 0;
        if (!TryCheckNumber(text, out ReadOnlySpan<char> digits, out error))
        {
            return false;
        }

        if (digits.Length > 16)
        {
            error = ErrUint64Range;
            return false;
        }

        ulong result = 0;
        foreach (char c in digits)
        {
            int nibble = HexNibble(c);
            if (nibble < 0)
            {
                error = ErrSyntax;
                return false;
            }

            result = (result << 4) | (uint)nibble;
        }

        value = result;
        return true;
    }

    /// <summary>Parses a quantity of up to 256 bits (hexutil.Big rules) into a 32-byte big-endian buffer.</summary>
    public static bool TryDecodeQuantity256(ReadOnlySpan<char> text, Span<byte> bigEndian32, out string? error)
    {
        if (bigEndian32.Length != 32)
        {
            throw new ArgumentException("Destination must be 32 bytes.", nameof(bigEndian32));
        }

        bigEndian32.Clear();
        if (!TryCheckNumber(text, out ReadOnlySpan<char> digits, out error))
        {
            return false;
        }

        if (digits.Length > 64)
        {
            error = ErrBig256Range;
            return false;
        }

        // Fill from the least significant nibble so odd digit counts need no padding copy.
        int byteIndex = 31;
        bool high = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int nibble = HexNibble(digits[i]);
            if (nibble < 0)
            {
                bigEndian32.Clear();
                error = ErrSyntax;
                return false;
            }

            if (high)
            {
                bigEndian32[byteIndex] |= (byte)(nibble << 4);
                byteIndex--;
            }
            else
            {
                bigEndian32[byteIndex] = (byte)nibble;
            }

            high = !high;
        }

        return true;
    }

    /// <summary>Parses variable-length data (hexutil.Bytes rules: "" and "0x" are empty, prefix required otherwise).</summary>
    public static bool TryDecodeBytes(ReadOnlySpan<char> text, out byte[] bytes, out string? error)
    {
        bytes = [];
        if (text.IsEmpty)
        {
            error = null;
            return true;
        }

        if (!HasPrefix(text))
        {
            error = ErrMissingPrefix;
            return false;
        }

        ReadOnlySpan<char> digits = text[2..];
        if ((digits.Length & 1) != 0)
        {
            error = ErrOddLength;
            return false;
        }

        byte[] result = new byte[digits.Length / 2];
        if (Convert.FromHexString(digits, result, out _, out _) != OperationStatus.Done)
        {
            error = ErrSyntax;
            return false;
        }

        bytes = result;
        error = null;
        return true;
    }

    /// <summary>Parses fixed-size data such as an address (20 bytes) or hash (32 bytes); <paramref name="typeName"/> appears in the length error like geth's "common.Address".</summary>
    public static bool TryDecodeFixed(ReadOnlySpan<char> text, Span<byte> destination, string typeName, out string? error)
    {
        if (!HasPrefix(text))
        {
            error = text.IsEmpty ? ErrEmptyString : ErrMissingPrefix;
            return false;
        }

        ReadOnlySpan<char> digits = text[2..];
        if ((digits.Length & 1) != 0)
        {
            error = ErrOddLength;
            return false;
        }

        if (digits.Length != destination.Length * 2)
        {
            error = $"hex string has length {digits.Length}, want {destination.Length * 2} for {typeName}";
            return false;
        }

        if (Convert.FromHexString(digits, destination, out _, out _) != OperationStatus.Done)
        {
            destination.Clear();
            error = ErrSyntax;
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Reads a big-endian 32-byte buffer back as ulong when it fits; convenience for tests and callers.</summary>
    public static bool TryReadUInt64(ReadOnlySpan<byte> bigEndian32, out ulong value)
    {
        value = 0;
        if (bigEndian32.Length != 32 || bigEndian32[..24].IndexOfAnyExcept((byte)0) >= 0)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt64BigEndian(bigEndian32[24..]);
        return true;
    }

    private static bool TryCheckNumber(ReadOnlySpan<char> text, out ReadOnlySpan<char> digits, out string? error)
    {
        digits = default;
        if (text.IsEmpty)
        {
            error = ErrEmptyString;
            return false;
        }

        if (!HasPrefix(text))
        {
            error = ErrMissingPrefix;
            return false;
        }

        digits = text[2..];
        if (digits.IsEmpty)
        {
            error = ErrEmptyNumber;
            return false;
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            error = ErrLeadingZero;
            return false;
        }

        error = null;
        return true;
    }

    private static bool HasPrefix(ReadOnlySpan<char> text) => text.Length >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');

    private static int HexNibble(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0';
        }

        int lower = c | 0x20;
        if ((uint)(lower - 'a') <= 5)
        {
            return lower - 'a' + 10;
        }

        return -1;
    }
}
