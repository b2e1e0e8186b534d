using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TrustChain.Core;

/// <summary>A 32-byte hash held inline as one 256-bit vector, so copies and equality are cheap.</summary>
[StructLayout(LayoutKind.Sequential, Size = Length)]
public readonly struct Hash256 : IEquatable<Hash256>, IComparable<Hash256>
{
    public const int Length = 32;

    private readonly Vector256<byte> _bytes;

    public static readonly Hash256 Zero;

    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"Hash256 needs exactly {Length} bytes, got {bytes.Length}.", nameof(bytes));
        }

        _bytes = Vector256.Create(bytes);
    }

    private Hash256(Vector256<byte> bytes)
    {
        _bytes = bytes;
    }

    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<Vector256<byte>, byte>(ref Unsafe.AsRef(in _bytes)), Length);

    public bool IsZero => _bytes == Vector256<byte>.Zero;

    public byte[] ToArray() => Bytes.ToArray();

    public void CopyTo(Span<byte> destination) => Bytes.CopyTo(destination);

    /// <summary>Interprets the hash as a big-endian 256-bit integer.</summary>
    public UInt256 ToUInt256() => new(Bytes);

    public static Hash256 FromUInt256(in UInt256 value)
    {
        Span<byte> bytes = stackalloc byte[Length];
        value.ToBigEndian(bytes);
        return new Hash256(bytes);
    }

    /// <summary>Parses exactly 64 hex digits, with or without "0x".</summary>
    public static Hash256 Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!TryParse(hex, out Hash256 result))
        {
            throw new FormatException($"Invalid Hash256 '{(hex.Length > 80 ? hex[..80] + "..." : hex)}': expected 64 hex digits.");
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? hex, out Hash256 result)
    {
        result = Zero;
        if (hex is null)
        {
            return false;
        }

        ReadOnlySpan<char> digits = Hex.StripPrefix(hex.AsSpan());
        if (digits.Length != Length * 2)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Length];
        if (!Hex.TryDecode(digits, bytes, out _))
        {
            return false;
        }

        result = new Hash256(bytes);
        return true;
    }

    public bool Equals(Hash256 other) => _bytes == other._bytes;

    public override bool Equals(object? obj) => obj is Hash256 other && Equals(other);

    public override int GetHashCode()
    {
        Vector256<int> lanes = _bytes.AsInt32();
        return lanes.GetElement(0) ^ lanes.GetElement(3) ^ lanes.GetElement(7);
    }

    /// <summary>Lexicographic (big-endian) byte order.</summary>
    public int CompareTo(Hash256 other) => Bytes.SequenceCompareTo(other.Bytes);

    public static bool operator ==(in Hash256 a, in Hash256 b) => a._bytes == b._bytes;

    public static bool operator !=(in Hash256 a, in Hash256 b) => a._bytes != b._bytes;

    public override string ToString() => Hex.ToHexString(Bytes);
}
