using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// Arithmetic kernels for 4×64-bit Montgomery fields (R = 2^256) shared by <see cref="Fr"/> and <see cref="Fq"/>.
/// Values are passed as four limbs (little-endian limb order) rather than through a struct so that after
/// inlining everything stays in registers.
/// </summary>
internal static class MontgomeryMath
{
    // The UInt128-returning BigMul keeps both halves in registers; the out-parameter overload forces the low half
    // through memory, which costs about a third of the multiplication time.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddC(ulong a, ulong b, ulong carry, out ulong sum)
    {
        ulong s = a + b + carry;
        sum = s;
        return ((a & b) | ((a | b) & ~s)) >> 63;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubB(ulong a, ulong b, ulong borrow, out ulong diff)
    {
        ulong d = a - b - borrow;
        diff = d;
        return ((~a & b) | (~(a ^ b) & d)) >> 63;
    }

    /// <summary>
    /// CIOS Montgomery multiplication, fully unrolled with plain locals so the JIT keeps the accumulator in registers.
    /// Both BN254 moduli leave the top two bits of the high limb clear, so the "no-carry" variant applies: the
    /// running value never needs a fifth limb and the result is below 2p before the final subtraction.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        // Each product plus two 64-bit addends stays below 2^128.
        UInt128 x;
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, lo, m, a, c;

        x = Math.BigMul(a0, b0) + t0;
        lo = (ulong)x;
        a = (ulong)(x >> 64);
        m = lo * TM.Inv;
        c = (ulong)((Math.BigMul(m, TM.P0) + lo) >> 64);
        x = Math.BigMul(a1, b0) + t1 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P1) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t0 = (ulong)x;
        x = Math.BigMul(a2, b0) + t2 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P2) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t1 = (ulong)x;
        x = Math.BigMul(a3, b0) + t3 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P3) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t2 = (ulong)x;
        t3 = c + a;

        x = Math.BigMul(a0, b1) + t0;
        lo = (ulong)x;
        a = (ulong)(x >> 64);
        m = lo * TM.Inv;
        c = (ulong)((Math.BigMul(m, TM.P0) + lo) >> 64);
        x = Math.BigMul(a1, b1) + t1 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P1) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t0 = (ulong)x;
        x = Math.BigMul(a2, b1) + t2 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P2) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t1 = (ulong)x;
        x = Math.BigMul(a3, b1) + t3 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P3) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t2 = (ulong)x;
        t3 = c + a;

        x = Math.BigMul(a0, b2) + t0;
        lo = (ulong)x;
        a = (ulong)(x >> 64);
        m = lo * TM.Inv;
        c = (ulong)((Math.BigMul(m, TM.P0) + lo) >> 64);
        x = Math.BigMul(a1, b2) + t1 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P1) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t0 = (ulong)x;
        x = Math.BigMul(a2, b2) + t2 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P2) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t1 = (ulong)x;
        x = Math.BigMul(a3, b2) + t3 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P3) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t2 = (ulong)x;
        t3 = c + a;

        x = Math.BigMul(a0, b3) + t0;
        lo = (ulong)x;
        a = (ulong)(x >> 64);
        m = lo * TM.Inv;
        c = (ulong)((Math.BigMul(m, TM.P0) + lo) >> 64);
        x = Math.BigMul(a1, b3) + t1 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P1) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t0 = (ulong)x;
        x = Math.BigMul(a2, b3) + t2 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P2) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t1 = (ulong)x;
        x = Math.BigMul(a3, b3) + t3 + a;
        a = (ulong)(x >> 64);
        x = Math.BigMul(m, TM.P3) + (ulong)x + c;
        c = (ulong)(x >> 64);
        t2 = (ulong)x;
        t3 = c + a;

        ReduceOnce<TM>(t0, t1, t2, t3, out r0, out r1, out r2, out r3);
    }

    /// <summary>Maps a value in [0, 2p) to [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReduceOnce<TM>(ulong t0, ulong t1, ulong t2, ulong t3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        ulong b = SubB(t0, TM.P0, 0, out ulong s0);
        b = SubB(t1, TM.P1, b, out ulong s1);
        b = SubB(t2, TM.P2, b, out ulong s2);
        b = SubB(t3, TM.P3, b, out ulong s3);
        if (b == 0)
        {
            r0 = s0; r1 = s1; r2 = s2; r3 = s3;
        }
        else
        {
            r0 = t0; r1 = t1; r2 = t2; r3 = t3;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        // p < 2^254, so the sum of two reduced values cannot overflow 256 bits.
        ulong c = AddC(a0, b0, 0, out ulong s0);
        c = AddC(a1, b1, c, out ulong s1);
        c = AddC(a2, b2, c, out ulong s2);
        AddC(a3, b3, c, out ulong s3);
        ReduceOnce<TM>(s0, s1, s2, s3, out r0, out r1, out r2, out r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        ulong b = SubB(a0, b0, 0, out ulong d0);
        b = SubB(a1, b1, b, out ulong d1);
        b = SubB(a2, b2, b, out ulong d2);
        b = SubB(a3, b3, b, out ulong d3);
        if (b != 0)
        {
            ulong c = AddC(d0, TM.P0, 0, out d0);
            c = AddC(d1, TM.P1, c, out d1);
            c = AddC(d2, TM.P2, c, out d2);
            AddC(d3, TM.P3, c, out d3);
        }

        r0 = d0; r1 = d1; r2 = d2; r3 = d3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg<TM>(ulong a0, ulong a1, ulong a2, ulong a3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        if ((a0 | a1 | a2 | a3) == 0)
        {
            r0 = r1 = r2 = r3 = 0;
            return;
        }

        ulong b = SubB(TM.P0, a0, 0, out r0);
        b = SubB(TM.P1, a1, b, out r1);
        b = SubB(TM.P2, a2, b, out r2);
        SubB(TM.P3, a3, b, out r3);
    }

    public static bool IsCanonical<TM>(ulong a0, ulong a1, ulong a2, ulong a3) where TM : struct, IMontgomeryModulus
    {
        ulong b = SubB(a0, TM.P0, 0, out _);
        b = SubB(a1, TM.P1, b, out _);
        b = SubB(a2, TM.P2, b, out _);
        b = SubB(a3, TM.P3, b, out _);
        return b != 0;
    }

    /// <summary>Fully reduces any 256-bit value; since p &gt; 2^253 at most five subtractions are needed.</summary>
    public static void ReduceFull<TM>(ref ulong a0, ref ulong a1, ref ulong a2, ref ulong a3) where TM : struct, IMontgomeryModulus
    {
        while (!IsCanonical<TM>(a0, a1, a2, a3))
        {
            ulong b = SubB(a0, TM.P0, 0, out a0);
            b = SubB(a1, TM.P1, b, out a1);
            b = SubB(a2, TM.P2, b, out a2);
            SubB(a3, TM.P3, b, out a3);
        }
    }

    public static void ToMontgomery<TM>(ulong a0, ulong a1, ulong a2, ulong a3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus =>
        Mul<TM>(a0, a1, a2, a3, TM.R2_0, TM.R2_1, TM.R2_2, TM.R2_3, out r0, out r1, out r2, out r3);

    public static void FromMontgomery<TM>(ulong a0, ulong a1, ulong a2, ulong a3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus =>
        Mul<TM>(a0, a1, a2, a3, 1, 0, 0, 0, out r0, out r1, out r2, out r3);

    /// <summary>Left-to-right square-and-multiply; <paramref name="one"/> limbs are the Montgomery form of 1.</summary>
    public static void Pow<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ReadOnlySpan<ulong> exponent,
        ulong one0, ulong one1, ulong one2, ulong one3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        ulong x0 = one0, x1 = one1, x2 = one2, x3 = one3;
        for (int limb = exponent.Length - 1; limb >= 0; limb--)
        {
            ulong e = exponent[limb];
            for (int bit = 63; bit >= 0; bit--)
            {
                Mul<TM>(x0, x1, x2, x3, x0, x1, x2, x3, out x0, out x1, out x2, out x3);
                if (((e >> bit) & 1) != 0)
                {
                    Mul<TM>(x0, x1, x2, x3, a0, a1, a2, a3, out x0, out x1, out x2, out x3);
                }
            }
        }

        r0 = x0; r1 = x1; r2 = x2; r3 = x3;
    }

    /// <summary>Fermat inversion a^(p-2); the caller rejects zero.</summary>
    public static void Inverse<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong one0, ulong one1, ulong one2, ulong one3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        Span<ulong> e = [TM.P0 - 2, TM.P1, TM.P2, TM.P3]; // P0 is odd and > 2, so no borrow.
        Pow<TM>(a0, a1, a2, a3, e, one0, one1, one2, one3, out r0, out r1, out r2, out r3);
    }

    public static void ReadBigEndian(ReadOnlySpan<byte> src32, out ulong a0, out ulong a1, out ulong a2, out ulong a3)
    {
        a3 = BinaryPrimitives.ReadUInt64BigEndian(src32);
        a2 = BinaryPrimitives.ReadUInt64BigEndian(src32[8..]);
        a1 = BinaryPrimitives.ReadUInt64BigEndian(src32[16..]);
        a0 = BinaryPrimitives.ReadUInt64BigEndian(src32[24..]);
    }

    public static void WriteBigEndian(Span<byte> dst32, ulong a0, ulong a1, ulong a2, ulong a3)
    {
        BinaryPrimitives.WriteUInt64BigEndian(dst32, a3);
        BinaryPrimitives.WriteUInt64BigEndian(dst32[8..], a2);
        BinaryPrimitives.WriteUInt64BigEndian(dst32[16..], a1);
        BinaryPrimitives.WriteUInt64BigEndian(dst32[24..], a0);
    }

    public static void ReadLittleEndian(ReadOnlySpan<byte> src32, out ulong a0, out ulong a1, out ulong a2, out ulong a3)
    {
        a0 = BinaryPrimitives.ReadUInt64LittleEndian(src32);
        a1 = BinaryPrimitives.ReadUInt64LittleEndian(src32[8..]);
        a2 = BinaryPrimitives.ReadUInt64LittleEndian(src32[16..]);
        a3 = BinaryPrimitives.ReadUInt64LittleEndian(src32[24..]);
    }

    public static void WriteLittleEndian(Span<byte> dst32, ulong a0, ulong a1, ulong a2, ulong a3)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(dst32, a0);
        BinaryPrimitives.WriteUInt64LittleEndian(dst32[8..], a1);
        BinaryPrimitives.WriteUInt64LittleEndian(dst32[16..], a2);
        BinaryPrimitives.WriteUInt64LittleEndian(dst32[24..], a3);
    }

    /// <summary>
    /// Reduces a big-endian byte string of any length to Montgomery form. Works in 32-byte chunks from the
    /// most significant end: acc·2^256 in Montgomery form is MontMul(acc, R^2), because R = 2^256.
    /// </summary>
    public static void FromBytesReduce<TM>(ReadOnlySpan<byte> bytes, bool bigEndian,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        Span<byte> chunk = stackalloc byte[32];
        ulong x0 = 0, x1 = 0, x2 = 0, x3 = 0;
        int len = bytes.Length;
        int first = len % 32;
        if (first == 0 && len > 0)
        {
            first = 32;
        }

        int processed = 0;
        int take = first;
        while (processed < len)
        {
            chunk.Clear();
            if (bigEndian)
            {
                bytes.Slice(processed, take).CopyTo(chunk[(32 - take)..]);
            }
            else
            {
                // Most significant chunk of a little-endian string lives at its end.
                ReadOnlySpan<byte> le = bytes.Slice(len - processed - take, take);
                for (int i = 0; i < take; i++)
                {
                    chunk[31 - i] = le[i];
                }
            }

            ReadBigEndian(chunk, out ulong c0, out ulong c1, out ulong c2, out ulong c3);
            ReduceFull<TM>(ref c0, ref c1, ref c2, ref c3);
            ToMontgomery<TM>(c0, c1, c2, c3, out c0, out c1, out c2, out c3);
            Mul<TM>(x0, x1, x2, x3, TM.R2_0, TM.R2_1, TM.R2_2, TM.R2_3, out x0, out x1, out x2, out x3);
            Add<TM>(x0, x1, x2, x3, c0, c1, c2, c3, out x0, out x1, out x2, out x3);
            processed += take;
            take = 32;
        }

        r0 = x0; r1 = x1; r2 = x2; r3 = x3;
    }

    public static BigInteger ToBigInteger(ulong a0, ulong a1, ulong a2, ulong a3)
    {
        Span<byte> buf = stackalloc byte[32];
        WriteLittleEndian(buf, a0, a1, a2, a3);
        return new BigInteger(buf, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>Reduces any integer (negative included) modulo p into canonical (non-Montgomery) limbs.</summary>
    public static void FromBigInteger(BigInteger value, BigInteger modulus, out ulong a0, out ulong a1, out ulong a2, out ulong a3)
    {
        BigInteger v = BigInteger.Remainder(value, modulus);
        if (v.Sign < 0)
        {
            v += modulus;
        }

        Span<byte> buf = stackalloc byte[32];
        buf.Clear();
        v.TryWriteBytes(buf, out _, isUnsigned: true, isBigEndian: false);
        ReadLittleEndian(buf, out a0, out a1, out a2, out a3);
    }
}
