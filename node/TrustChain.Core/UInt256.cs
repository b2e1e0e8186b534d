using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TrustChain.Core;

/// <summary>
/// Unsigned 256-bit integer with EVM semantics: + - * wrap modulo 2^256, and / % by zero yield zero.
/// Limbs are little-endian (U0 is the least significant 64 bits).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>, IComparable
{
    public readonly ulong U0;
    public readonly ulong U1;
    public readonly ulong U2;
    public readonly ulong U3;

    public static readonly UInt256 Zero;
    public static readonly UInt256 One = new(1);
    public static readonly UInt256 MaxValue = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    private static readonly BigInteger TwoPow256 = BigInteger.One << 256;

    public UInt256(ulong u0, ulong u1 = 0, ulong u2 = 0, ulong u3 = 0)
    {
        U0 = u0;
        U1 = u1;
        U2 = u2;
        U3 = u3;
    }

    /// <summary>Reads a big-endian unsigned integer of at most 32 bytes (shorter inputs are left-padded).</summary>
    public UInt256(ReadOnlySpan<byte> bigEndian)
    {
        if (bigEndian.Length > 32)
        {
            throw new ArgumentException($"UInt256 needs at most 32 bytes, got {bigEndian.Length}.", nameof(bigEndian));
        }

        if (bigEndian.Length == 32)
        {
            U3 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian);
            U2 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[8..]);
            U1 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[16..]);
            U0 = BinaryPrimitives.ReadUInt64BigEndian(bigEndian[24..]);
            return;
        }

        Span<byte> padded = stackalloc byte[32];
        padded.Clear();
        bigEndian.CopyTo(padded[(32 - bigEndian.Length)..]);
        U3 = BinaryPrimitives.ReadUInt64BigEndian(padded);
        U2 = BinaryPrimitives.ReadUInt64BigEndian(padded[8..]);
        U1 = BinaryPrimitives.ReadUInt64BigEndian(padded[16..]);
        U0 = BinaryPrimitives.ReadUInt64BigEndian(padded[24..]);
    }

    public bool IsZero => (U0 | U1 | U2 | U3) == 0;

    public bool IsOne => U0 == 1 && (U1 | U2 | U3) == 0;

    /// <summary>True when the value fits in a ulong.</summary>
    public bool IsUInt64 => (U1 | U2 | U3) == 0;

    /// <summary>Number of significant bits (0 for zero).</summary>
    public int BitLength =>
        U3 != 0 ? 256 - BitOperations.LeadingZeroCount(U3) :
        U2 != 0 ? 192 - BitOperations.LeadingZeroCount(U2) :
        U1 != 0 ? 128 - BitOperations.LeadingZeroCount(U1) :
        64 - BitOperations.LeadingZeroCount(U0);

    /// <summary>Minimal number of big-endian bytes needed (0 for zero).</summary>
    public int ByteLength => (BitLength + 7) / 8;

    // ---------- arithmetic ----------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddCarry(ulong x, ulong y, ref ulong carry)
    {
        ulong sum = x + y;
        ulong c1 = sum < x ? 1UL : 0UL;
        ulong sum2 = sum + carry;
        ulong c2 = sum2 < sum ? 1UL : 0UL;
        carry = c1 | c2;
        return sum2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubBorrow(ulong x, ulong y, ref ulong borrow)
    {
        ulong diff = x - y;
        ulong b1 = x < y ? 1UL : 0UL;
        ulong diff2 = diff - borrow;
        ulong b2 = diff < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return diff2;
    }

    /// <summary>Wrapping addition; returns true if the true sum exceeded 2^256-1.</summary>
    public static bool AddOverflow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong carry = 0;
        ulong r0 = AddCarry(a.U0, b.U0, ref carry);
        ulong r1 = AddCarry(a.U1, b.U1, ref carry);
        ulong r2 = AddCarry(a.U2, b.U2, ref carry);
        ulong r3 = AddCarry(a.U3, b.U3, ref carry);
        result = new UInt256(r0, r1, r2, r3);
        return carry != 0;
    }

    /// <summary>Wrapping subtraction; returns true if b &gt; a.</summary>
    public static bool SubtractUnderflow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong borrow = 0;
        ulong r0 = SubBorrow(a.U0, b.U0, ref borrow);
        ulong r1 = SubBorrow(a.U1, b.U1, ref borrow);
        ulong r2 = SubBorrow(a.U2, b.U2, ref borrow);
        ulong r3 = SubBorrow(a.U3, b.U3, ref borrow);
        result = new UInt256(r0, r1, r2, r3);
        return borrow != 0;
    }

    /// <summary>Wrapping multiplication; returns true if the full product exceeded 2^256-1.</summary>
    public static bool MultiplyOverflow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        Span<ulong> product = stackalloc ulong[8];
        MultiplyFull(a, b, product);
        result = new UInt256(product[0], product[1], product[2], product[3]);
        return (product[4] | product[5] | product[6] | product[7]) != 0;
    }

    /// <summary>Full 512-bit product into 8 little-endian limbs.</summary>
    public static void MultiplyFull(in UInt256 a, in UInt256 b, Span<ulong> product8)
    {
        ReadOnlySpan<ulong> x = a.Limbs;
        ReadOnlySpan<ulong> y = b.Limbs;
        product8[..8].Clear();
        for (int i = 0; i < 4; i++)
        {
            ulong xi = x[i];
            if (xi == 0)
            {
                continue;
            }

            ulong carry = 0;
            for (int j = 0; j < 4; j++)
            {
                // xi*yj + r + carry <= 2^128-1, so the high word never overflows.
                ulong hi = Math.BigMul(xi, y[j], out ulong lo);
                lo += carry;
                hi += lo < carry ? 1UL : 0UL;
                ulong r = product8[i + j] + lo;
                hi += r < lo ? 1UL : 0UL;
                product8[i + j] = r;
                carry = hi;
            }

            product8[i + 4] = carry;
        }
    }

    public static UInt256 operator +(in UInt256 a, in UInt256 b)
    {
        AddOverflow(a, b, out UInt256 r);
        return r;
    }

    public static UInt256 operator -(in UInt256 a, in UInt256 b)
    {
        SubtractUnderflow(a, b, out UInt256 r);
        return r;
    }

    public static UInt256 operator *(in UInt256 a, in UInt256 b)
    {
        if (a.IsUInt64 && b.IsUInt64)
        {
            ulong hi = Math.BigMul(a.U0, b.U0, out ulong lo);
            return new UInt256(lo, hi);
        }

        ReadOnlySpan<ulong> x = a.Limbs;
        ReadOnlySpan<ulong> y = b.Limbs;
        Span<ulong> r = stackalloc ulong[4];
        r.Clear();
        for (int i = 0; i < 4; i++)
        {
            ulong xi = x[i];
            if (xi == 0)
            {
                continue;
            }

            ulong carry = 0;
            for (int j = 0; i + j < 4; j++)
            {
                ulong hi = Math.BigMul(xi, y[j], out ulong lo);
                lo += carry;
                hi += lo < carry ? 1UL : 0UL;
                ulong s = r[i + j] + lo;
                hi += s < lo ? 1UL : 0UL;
                r[i + j] = s;
                carry = hi;
            }
        }

        return new UInt256(r[0], r[1], r[2], r[3]);
    }

    /// <summary>EVM DIV: division by zero yields zero.</summary>
    public static UInt256 operator /(in UInt256 a, in UInt256 b)
    {
        DivRem(a, b, out UInt256 q, out _);
        return q;
    }

    /// <summary>EVM MOD: modulo zero yields zero.</summary>
    public static UInt256 operator %(in UInt256 a, in UInt256 b)
    {
        DivRem(a, b, out _, out UInt256 r);
        return r;
    }

    public static UInt256 operator ++(in UInt256 a) => a + One;

    public static UInt256 operator --(in UInt256 a) => a - One;

    /// <summary>Quotient and remainder; both are zero when <paramref name="b"/> is zero (EVM semantics).</summary>
    public static void DivRem(in UInt256 a, in UInt256 b, out UInt256 quotient, out UInt256 remainder)
    {
        if (b.IsZero)
        {
            quotient = Zero;
            remainder = Zero;
            return;
        }

        if (a < b)
        {
            quotient = Zero;
            remainder = a;
            return;
        }

        if (b.IsUInt64)
        {
            if (a.IsUInt64)
            {
                quotient = new UInt256(a.U0 / b.U0);
                remainder = new UInt256(a.U0 % b.U0);
                return;
            }

            ulong rem = DivRemBy64(a, b.U0, out quotient);
            remainder = new UInt256(rem);
            return;
        }

        DivRemKnuth(a, b, out quotient, out remainder);
    }

    private static ulong DivRemBy64(in UInt256 a, ulong divisor, out UInt256 quotient)
    {
        ReadOnlySpan<ulong> x = a.Limbs;
        Span<ulong> q = stackalloc ulong[4];
        ulong rem = 0;
        for (int i = 3; i >= 0; i--)
        {
            UInt128 current = ((UInt128)rem << 64) | x[i];
            UInt128 qi = current / divisor;
            q[i] = (ulong)qi;
            rem = (ulong)(current - qi * divisor);
        }

        quotient = new UInt256(q[0], q[1], q[2], q[3]);
        return rem;
    }

    // Knuth, TAOCP vol. 2, 4.3.1 Algorithm D on 32-bit digits (the form in Hacker's Delight, divmnu).
    private static void DivRemKnuth(in UInt256 a, in UInt256 b, out UInt256 quotient, out UInt256 remainder)
    {
        Span<uint> u = stackalloc uint[8];
        Span<uint> v = stackalloc uint[8];
        MemoryMarshal.Cast<ulong, uint>(a.Limbs).CopyTo(u);
        MemoryMarshal.Cast<ulong, uint>(b.Limbs).CopyTo(v);
        if (!BitConverter.IsLittleEndian)
        {
            ToUIntDigits(a, u);
            ToUIntDigits(b, v);
        }

        int n = 8;
        while (v[n - 1] == 0)
        {
            n--;
        }

        int m = 8;
        while (u[m - 1] == 0)
        {
            m--;
        }

        int s = BitOperations.LeadingZeroCount(v[n - 1]);
        Span<uint> vn = stackalloc uint[8];
        Span<uint> un = stackalloc uint[9];
        for (int i = n - 1; i > 0; i--)
        {
            vn[i] = (uint)(((ulong)v[i] << s) | ((ulong)v[i - 1] >> (32 - s)));
        }

        vn[0] = (uint)((ulong)v[0] << s);
        un[m] = (uint)((ulong)u[m - 1] >> (32 - s));
        for (int i = m - 1; i > 0; i--)
        {
            un[i] = (uint)(((ulong)u[i] << s) | ((ulong)u[i - 1] >> (32 - s)));
        }

        un[0] = (uint)((ulong)u[0] << s);

        Span<uint> q = stackalloc uint[8];
        q.Clear();
        const ulong Base = 1UL << 32;
        ulong vTop = vn[n - 1];
        ulong vNext = vn[n - 2];
        for (int j = m - n; j >= 0; j--)
        {
            ulong numerator = ((ulong)un[j + n] << 32) | un[j + n - 1];
            ulong qhat = numerator / vTop;
            ulong rhat = numerator - qhat * vTop;
            while (qhat >= Base || qhat * vNext > ((rhat << 32) | un[j + n - 2]))
            {
                qhat--;
                rhat += vTop;
                if (rhat >= Base)
                {
                    break;
                }
            }

            long k = 0;
            long t;
            for (int i = 0; i < n; i++)
            {
                ulong p = qhat * vn[i];
                t = un[i + j] - k - (long)(p & 0xFFFFFFFFUL);
                un[i + j] = (uint)t;
                k = (long)(p >> 32) - (t >> 32);
            }

            t = un[j + n] - k;
            un[j + n] = (uint)t;
            q[j] = (uint)qhat;
            if (t < 0)
            {
                // qhat was one too large: add the divisor back.
                q[j]--;
                k = 0;
                for (int i = 0; i < n; i++)
                {
                    t = (long)un[i + j] + vn[i] + k;
                    un[i + j] = (uint)t;
                    k = t >> 32;
                }

                un[j + n] = (uint)(un[j + n] + k);
            }
        }

        Span<uint> r = stackalloc uint[8];
        r.Clear();
        for (int i = 0; i < n; i++)
        {
            r[i] = (uint)(((ulong)un[i] >> s) | ((ulong)un[i + 1] << (32 - s)));
        }

        quotient = FromUIntDigits(q);
        remainder = FromUIntDigits(r);
    }

    private static void ToUIntDigits(in UInt256 value, Span<uint> digits)
    {
        ReadOnlySpan<ulong> limbs = value.Limbs;
        for (int i = 0; i < 4; i++)
        {
            digits[2 * i] = (uint)limbs[i];
            digits[2 * i + 1] = (uint)(limbs[i] >> 32);
        }
    }

    private static UInt256 FromUIntDigits(ReadOnlySpan<uint> d) => new(
        d[0] | ((ulong)d[1] << 32),
        d[2] | ((ulong)d[3] << 32),
        d[4] | ((ulong)d[5] << 32),
        d[6] | ((ulong)d[7] << 32));

    // ---------- bitwise ----------

    public static UInt256 operator &(in UInt256 a, in UInt256 b) => new(a.U0 & b.U0, a.U1 & b.U1, a.U2 & b.U2, a.U3 & b.U3);

    public static UInt256 operator |(in UInt256 a, in UInt256 b) => new(a.U0 | b.U0, a.U1 | b.U1, a.U2 | b.U2, a.U3 | b.U3);

    public static UInt256 operator ^(in UInt256 a, in UInt256 b) => new(a.U0 ^ b.U0, a.U1 ^ b.U1, a.U2 ^ b.U2, a.U3 ^ b.U3);

    public static UInt256 operator ~(in UInt256 a) => new(~a.U0, ~a.U1, ~a.U2, ~a.U3);

    /// <summary>Shift left; shifts of 256 or more give zero. Negative shifts are rejected.</summary>
    public static UInt256 operator <<(in UInt256 value, int shift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shift);
        if (shift == 0)
        {
            return value;
        }

        if (shift >= 256)
        {
            return Zero;
        }

        ReadOnlySpan<ulong> x = value.Limbs;
        Span<ulong> r = stackalloc ulong[4];
        int limbShift = shift >> 6;
        int bitShift = shift & 63;
        for (int i = 3; i >= 0; i--)
        {
            int src = i - limbShift;
            ulong limb = src >= 0 ? x[src] << bitShift : 0;
            if (bitShift != 0 && src - 1 >= 0)
            {
                limb |= x[src - 1] >> (64 - bitShift);
            }

            r[i] = limb;
        }

        return new UInt256(r[0], r[1], r[2], r[3]);
    }

    /// <summary>Logical shift right; shifts of 256 or more give zero. Negative shifts are rejected.</summary>
    public static UInt256 operator >>(in UInt256 value, int shift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shift);
        if (shift == 0)
        {
            return value;
        }

        if (shift >= 256)
        {
            return Zero;
        }

        ReadOnlySpan<ulong> x = value.Limbs;
        Span<ulong> r = stackalloc ulong[4];
        int limbShift = shift >> 6;
        int bitShift = shift & 63;
        for (int i = 0; i < 4; i++)
        {
            int src = i + limbShift;
            ulong limb = src < 4 ? x[src] >> bitShift : 0;
            if (bitShift != 0 && src + 1 < 4)
            {
                limb |= x[src + 1] << (64 - bitShift);
            }

            r[i] = limb;
        }

        return new UInt256(r[0], r[1], r[2], r[3]);
    }

    // ---------- comparison ----------

    public static int Compare(in UInt256 a, in UInt256 b)
    {
        if (a.U3 != b.U3) return a.U3 < b.U3 ? -1 : 1;
        if (a.U2 != b.U2) return a.U2 < b.U2 ? -1 : 1;
        if (a.U1 != b.U1) return a.U1 < b.U1 ? -1 : 1;
        if (a.U0 != b.U0) return a.U0 < b.U0 ? -1 : 1;
        return 0;
    }

    public static bool operator ==(in UInt256 a, in UInt256 b) => a.U0 == b.U0 && a.U1 == b.U1 && a.U2 == b.U2 && a.U3 == b.U3;

    public static bool operator !=(in UInt256 a, in UInt256 b) => !(a == b);

    public static bool operator <(in UInt256 a, in UInt256 b) => Compare(a, b) < 0;

    public static bool operator >(in UInt256 a, in UInt256 b) => Compare(a, b) > 0;

    public static bool operator <=(in UInt256 a, in UInt256 b) => Compare(a, b) <= 0;

    public static bool operator >=(in UInt256 a, in UInt256 b) => Compare(a, b) >= 0;

    public static UInt256 Min(in UInt256 a, in UInt256 b) => a <= b ? a : b;

    public static UInt256 Max(in UInt256 a, in UInt256 b) => a >= b ? a : b;

    public int CompareTo(UInt256 other) => Compare(this, other);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        UInt256 other => Compare(this, other),
        _ => throw new ArgumentException("Object is not a UInt256.", nameof(obj)),
    };

    public bool Equals(UInt256 other) => this == other;

    public override bool Equals(object? obj) => obj is UInt256 other && this == other;

    public override int GetHashCode() => HashCode.Combine(U0, U1, U2, U3);

    // ---------- conversions ----------

    public static implicit operator UInt256(ulong value) => new(value);

    public static implicit operator UInt256(uint value) => new(value);

    /// <summary>Negative ints cannot be represented and throw <see cref="OverflowException"/>.</summary>
    public static implicit operator UInt256(int value) =>
        value >= 0 ? new UInt256((ulong)value) : throw new OverflowException($"Cannot convert negative value {value} to UInt256.");

    /// <summary>Checked: throws <see cref="OverflowException"/> when the value does not fit in 64 bits.</summary>
    public static explicit operator ulong(in UInt256 value) =>
        value.IsUInt64 ? value.U0 : throw new OverflowException("UInt256 value does not fit in a ulong.");

    public static explicit operator BigInteger(in UInt256 value) => value.ToBigInteger();

    public static explicit operator UInt256(BigInteger value) => FromBigInteger(value);

    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[32];
        ToBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Throws <see cref="OverflowException"/> if the value is negative or not below 2^256.</summary>
    public static UInt256 FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0 || value >= TwoPow256)
        {
            throw new OverflowException("BigInteger value is outside the UInt256 range.");
        }

        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        int count = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(bytes[(32 - count)..], out _, isUnsigned: true, isBigEndian: true);
        return new UInt256(bytes);
    }

    public void ToBigEndian(Span<byte> destination32)
    {
        if (destination32.Length < 32)
        {
            throw new ArgumentException("Destination must be at least 32 bytes.", nameof(destination32));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination32, U3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[8..], U2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[16..], U1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32[24..], U0);
    }

    public byte[] ToBigEndian()
    {
        byte[] result = new byte[32];
        ToBigEndian(result);
        return result;
    }

    /// <summary>Minimal big-endian bytes (no leading zeros); empty for zero.</summary>
    public byte[] ToBigEndianTrimmed()
    {
        Span<byte> full = stackalloc byte[32];
        ToBigEndian(full);
        return full[(32 - ByteLength)..].ToArray();
    }

    /// <summary>Writes the minimal big-endian bytes and returns how many were written.</summary>
    public int WriteBigEndianTrimmed(Span<byte> destination)
    {
        int length = ByteLength;
        Span<byte> full = stackalloc byte[32];
        ToBigEndian(full);
        full[(32 - length)..].CopyTo(destination);
        return length;
    }

    // ---------- text ----------

    /// <summary>Parses a decimal string or a "0x"-prefixed hex string.</summary>
    public static UInt256 Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!TryParseCore(value.AsSpan(), out UInt256 result, out string? error))
        {
            throw new FormatException($"Invalid UInt256 '{Truncate(value)}': {error}");
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out UInt256 result)
    {
        if (value is null)
        {
            result = Zero;
            return false;
        }

        return TryParseCore(value.AsSpan(), out result, out _);
    }

    private static bool TryParseCore(ReadOnlySpan<char> s, out UInt256 result, out string? error)
    {
        result = Zero;
        if (s.Length >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        {
            return TryParseHex(s[2..], out result, out error);
        }

        if (s.IsEmpty)
        {
            error = "empty string";
            return false;
        }

        UInt256 value = Zero;
        UInt256 ten = new(10);
        foreach (char c in s)
        {
            if (c < '0' || c > '9')
            {
                error = $"'{c}' is not a decimal digit";
                return false;
            }

            if (MultiplyOverflow(value, ten, out value) || AddOverflow(value, new UInt256((ulong)(c - '0')), out value))
            {
                error = "value exceeds 2^256-1";
                return false;
            }
        }

        error = null;
        result = value;
        return true;
    }

    private static bool TryParseHex(ReadOnlySpan<char> digits, out UInt256 result, out string? error)
    {
        result = Zero;
        if (digits.IsEmpty)
        {
            error = "no hex digits after 0x";
            return false;
        }

        digits = digits.TrimStart('0');
        if (digits.Length > 64)
        {
            error = "value exceeds 2^256-1";
            return false;
        }

        Span<ulong> limbs = stackalloc ulong[4];
        limbs.Clear();
        for (int i = 0; i < digits.Length; i++)
        {
            int nibble = HexNibble(digits[digits.Length - 1 - i]);
            if (nibble < 0)
            {
                error = $"'{digits[digits.Length - 1 - i]}' is not a hex digit";
                return false;
            }

            limbs[i / 16] |= (ulong)nibble << (4 * (i % 16));
        }

        error = null;
        result = new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
        return true;
    }

    private static int HexNibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static string Truncate(string s) => s.Length <= 80 ? s : string.Concat(s.AsSpan(0, 80), "...");

    /// <summary>Decimal representation.</summary>
    public override string ToString()
    {
        if (IsUInt64)
        {
            return U0.ToString(CultureInfo.InvariantCulture);
        }

        const ulong Chunk = 10_000_000_000_000_000_000UL; // 10^19, the largest power of ten in a ulong
        Span<char> buffer = stackalloc char[80];
        int pos = buffer.Length;
        UInt256 value = this;
        while (!value.IsUInt64 || value.U0 >= Chunk)
        {
            ulong rem = DivRemBy64(value, Chunk, out value);
            for (int i = 0; i < 19; i++)
            {
                buffer[--pos] = (char)('0' + (int)(rem % 10));
                rem /= 10;
            }
        }

        ulong head = value.U0;
        do
        {
            buffer[--pos] = (char)('0' + (int)(head % 10));
            head /= 10;
        }
        while (head != 0);

        return new string(buffer[pos..]);
    }

    /// <summary>JSON-RPC quantity: "0x" + hex without leading zeros ("0x0" for zero).</summary>
    public string ToHexQuantity()
    {
        if (IsZero)
        {
            return "0x0";
        }

        Span<byte> full = stackalloc byte[32];
        ToBigEndian(full);
        string hex = Convert.ToHexStringLower(full);
        return string.Concat("0x", hex.AsSpan().TrimStart('0'));
    }

    /// <summary>The four limbs as a span (little-endian limb order).</summary>
    [UnscopedRef]
    public ReadOnlySpan<ulong> Limbs => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in U0), 4);
}
