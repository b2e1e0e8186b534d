using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TrustChain.Core.Crypto;

namespace TrustChain.Core;

/// <summary>A 20-byte account address. default(Address) is the zero address.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    public const int Length = 20;

    // The 20 bytes in order: 8 + 8 + 4, laid out contiguously so Bytes can alias them.
    private readonly ulong _a;
    private readonly ulong _b;
    private readonly uint _c;

    public static readonly Address Zero;

    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"Address needs exactly {Length} bytes, got {bytes.Length}.", nameof(bytes));
        }

        _a = MemoryMarshal.Read<ulong>(bytes);
        _b = MemoryMarshal.Read<ulong>(bytes[8..]);
        _c = MemoryMarshal.Read<uint>(bytes[16..]);
    }

    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<ulong, byte>(ref Unsafe.AsRef(in _a)), Length);

    public bool IsZero => (_a | _b | _c) == 0;

    public byte[] ToArray() => Bytes.ToArray();

    public void CopyTo(Span<byte> destination) => Bytes.CopyTo(destination);

    /// <summary>Last 20 bytes of keccak256 of the 64-byte uncompressed public key (without the 0x04 prefix).</summary>
    public static Address FromPublicKey(ReadOnlySpan<byte> uncompressed64)
    {
        if (uncompressed64.Length != 64)
        {
            throw new ArgumentException($"Public key must be 64 bytes (uncompressed, no 0x04 prefix), got {uncompressed64.Length}.", nameof(uncompressed64));
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Compute(uncompressed64, hash);
        return new Address(hash[12..]);
    }

    /// <summary>The address right-aligned in a 32-byte word, as ABI and precompiles encode it.</summary>
    public byte[] ToWord32()
    {
        byte[] word = new byte[32];
        Bytes.CopyTo(word.AsSpan(12));
        return word;
    }

    /// <summary>
    /// Parses 40 hex digits, with or without "0x". All-lowercase and all-uppercase are accepted as is;
    /// mixed case must carry a valid EIP-55 checksum.
    /// </summary>
    public static Address Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!TryParseCore(hex, out Address result, out string? error))
        {
            throw new FormatException($"Invalid address '{(hex.Length > 80 ? hex[..80] + "..." : hex)}': {error}");
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? hex, out Address result)
    {
        if (hex is null)
        {
            result = Zero;
            return false;
        }

        return TryParseCore(hex, out result, out _);
    }

    private static bool TryParseCore(string hex, out Address result, out string? error)
    {
        result = Zero;
        ReadOnlySpan<char> digits = Hex.StripPrefix(hex.AsSpan());
        if (digits.Length != Length * 2)
        {
            error = $"expected 40 hex digits, got {digits.Length}";
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        if (!Hex.TryDecode(digits, bytes, out int bad))
        {
            error = $"'{digits[bad]}' is not a hex digit";
            return false;
        }

        bool hasLower = digits.ContainsAnyInRange('a', 'f');
        bool hasUpper = digits.ContainsAnyInRange('A', 'F');
        Address address = new(bytes);
        if (hasLower && hasUpper)
        {
            Span<char> expected = stackalloc char[Length * 2];
            address.WriteChecksummed(expected);
            if (!digits.SequenceEqual(expected))
            {
                error = "mixed-case address fails the EIP-55 checksum";
                return false;
            }
        }

        error = null;
        result = address;
        return true;
    }

    private void WriteChecksummed(Span<char> destination40)
    {
        Span<byte> lowerAscii = stackalloc byte[Length * 2];
        Convert.TryToHexStringLower(Bytes, destination40, out _);
        for (int i = 0; i < destination40.Length; i++)
        {
            lowerAscii[i] = (byte)destination40[i];
        }

        Span<byte> hash = stackalloc byte[32];
        Keccak256.Compute(lowerAscii, hash);
        for (int i = 0; i < destination40.Length; i++)
        {
            char c = destination40[i];
            if (c >= 'a')
            {
                int nibble = (i & 1) == 0 ? hash[i >> 1] >> 4 : hash[i >> 1] & 0x0F;
                if (nibble >= 8)
                {
                    destination40[i] = (char)(c - 32);
                }
            }
        }
    }

    /// <summary>EIP-55 checksummed form with "0x".</summary>
    public override string ToString() => string.Create(2 + Length * 2, this, static (span, address) =>
    {
        span[0] = '0';
        span[1] = 'x';
        address.WriteChecksummed(span[2..]);
    });

    public string ToLowerHex() => Hex.ToHexString(Bytes);

    public bool Equals(Address other) => _a == other._a && _b == other._b && _c == other._c;

    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);

    public int CompareTo(Address other) => Bytes.SequenceCompareTo(other.Bytes);

    public static bool operator ==(in Address a, in Address b) => a.Equals(b);

    public static bool operator !=(in Address a, in Address b) => !a.Equals(b);

    /// <summary>Big-endian integer view, e.g. for ordering or ABI words.</summary>
    public UInt256 ToUInt256()
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        Bytes.CopyTo(word[12..]);
        return new UInt256(word);
    }
}
