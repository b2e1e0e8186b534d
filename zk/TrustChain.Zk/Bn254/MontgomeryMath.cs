using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

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
    /// CIOS Montgomery multiplication, fully unrolled with plain locals and no helper calls so that the accumulator
    /// stays in registers. It is deliberately not inlined: it is too large to pay off, and inlining it would exhaust
    /// the callers' inlining budgets so the small add/sub kernels would stop being inlined. Both BN254 moduli leave the
    /// top two bits of the high limb clear, so the "no-carry" variant applies: the running value never needs a fifth
    /// limb and the result is below 2p before the final conditional subtraction. Every product plus two 64-bit
    /// addends fits in 128 bits. At the start of each reduction round m is chosen so that lo(m·p0) = −t0 mod 2^64:
    /// the discarded low word is zero and its carry is exactly (t0 ≠ 0), which saves a multiply and a carry chain.
    /// Where <see cref="AdxMontgomery"/> is active the same algorithm runs there, with the carries in CPU flags.
    /// </summary>
    public static unsafe void Mul<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        if (AdxMontgomery.IsActive)
        {
            Limbs a = new(a0, a1, a2, a3), b = new(b0, b1, b2, b3);
            Unsafe.SkipInit(out Limbs r);
            if (typeof(TM) == typeof(FqModulus))
            {
                AdxMontgomery.MulFq(&r.L0, &a.L0, &b.L0);
            }
            else
            {
                AdxMontgomery.MulFr(&r.L0, &a.L0, &b.L0);
            }

            r0 = r.L0; r1 = r.L1; r2 = r.L2; r3 = r.L3;
            return;
        }

        MulManaged<TM>(a0, a1, a2, a3, b0, b1, b2, b3, out r0, out r1, out r2, out r3);
    }

    /// <summary>The managed kernels behind <see cref="Mul{TM}"/>, also the reference for <see cref="AdxMontgomery"/>.</summary>
    public static void MulManaged<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        if (Bmi2.X64.IsSupported)
        {
            MulBmi2<TM>(a0, a1, a2, a3, b0, b1, b2, b3, out r0, out r1, out r2, out r3);
        }
        else
        {
            MulPortable<TM>(a0, a1, a2, a3, b0, b1, b2, b3, out r0, out r1, out r2, out r3);
        }
    }

    /// <summary>
    /// x64 path: MULX for the high half and IMUL for the low half keeps both in registers, whereas Math.BigMul's
    /// out parameter makes the JIT round-trip the low half through the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulBmi2<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        ulong hi, lo, h2, l2, m, a, c;

        hi = Bmi2.X64.MultiplyNoFlags(a0, b0);
        lo = a0 * b0;
        lo += t0;
        hi += lo < t0 ? 1UL : 0UL;
        a = hi;
        m = lo * TM.Inv;
        c = Bmi2.X64.MultiplyNoFlags(m, TM.P0) + (lo != 0 ? 1UL : 0UL);

        hi = Bmi2.X64.MultiplyNoFlags(a1, b0);
        lo = a1 * b0;
        lo += t1;
        hi += lo < t1 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P1);
        l2 = m * TM.P1;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t0 = l2;

        hi = Bmi2.X64.MultiplyNoFlags(a2, b0);
        lo = a2 * b0;
        lo += t2;
        hi += lo < t2 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P2);
        l2 = m * TM.P2;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t1 = l2;

        hi = Bmi2.X64.MultiplyNoFlags(a3, b0);
        lo = a3 * b0;
        lo += t3;
        hi += lo < t3 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P3);
        l2 = m * TM.P3;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t2 = l2;

        t3 = c + a;

        hi = Bmi2.X64.MultiplyNoFlags(a0, b1);
        lo = a0 * b1;
        lo += t0;
        hi += lo < t0 ? 1UL : 0UL;
        a = hi;
        m = lo * TM.Inv;
        c = Bmi2.X64.MultiplyNoFlags(m, TM.P0) + (lo != 0 ? 1UL : 0UL);

        hi = Bmi2.X64.MultiplyNoFlags(a1, b1);
        lo = a1 * b1;
        lo += t1;
        hi += lo < t1 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P1);
        l2 = m * TM.P1;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t0 = l2;

        hi = Bmi2.X64.MultiplyNoFlags(a2, b1);
        lo = a2 * b1;
        lo += t2;
        hi += lo < t2 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P2);
        l2 = m * TM.P2;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t1 = l2;

        hi = Bmi2.X64.MultiplyNoFlags(a3, b1);
        lo = a3 * b1;
        lo += t3;
        hi += lo < t3 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P3);
        l2 = m * TM.P3;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t2 = l2;

        t3 = c + a;

        hi = Bmi2.X64.MultiplyNoFlags(a0, b2);
        lo = a0 * b2;
        lo += t0;
        hi += lo < t0 ? 1UL : 0UL;
        a = hi;
        m = lo * TM.Inv;
        c = Bmi2.X64.MultiplyNoFlags(m, TM.P0) + (lo != 0 ? 1UL : 0UL);

        hi = Bmi2.X64.MultiplyNoFlags(a1, b2);
        lo = a1 * b2;
        lo += t1;
        hi += lo < t1 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P1);
        l2 = m * TM.P1;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t0 = l2;

        hi = Bmi2.X64.MultiplyNoFlags(a2, b2);
        lo = a2 * b2;
        lo += t2;
        hi += lo < t2 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P2);
        l2 = m * TM.P2;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t1 = l2;

        hi = Bmi2.X64.MultiplyNoFlags(a3, b2);
        lo = a3 * b2;
        lo += t3;
        hi += lo < t3 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P3);
        l2 = m * TM.P3;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t2 = l2;

        t3 = c + a;

        hi = Bmi2.X64.MultiplyNoFlags(a0, b3);
        lo = a0 * b3;
        lo += t0;
        hi += lo < t0 ? 1UL : 0UL;
        a = hi;
        m = lo * TM.Inv;
        c = Bmi2.X64.MultiplyNoFlags(m, TM.P0) + (lo != 0 ? 1UL : 0UL);

        hi = Bmi2.X64.MultiplyNoFlags(a1, b3);
        lo = a1 * b3;
        lo += t1;
        hi += lo < t1 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P1);
        l2 = m * TM.P1;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t0 = l2;

        hi = Bmi2.X64.MultiplyNoFlags(a2, b3);
        lo = a2 * b3;
        lo += t2;
        hi += lo < t2 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P2);
        l2 = m * TM.P2;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t1 = l2;

        hi = Bmi2.X64.MultiplyNoFlags(a3, b3);
        lo = a3 * b3;
        lo += t3;
        hi += lo < t3 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Bmi2.X64.MultiplyNoFlags(m, TM.P3);
        l2 = m * TM.P3;
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t2 = l2;

        t3 = c + a;

        ReduceOnce<TM>(t0, t1, t2, t3, out r0, out r1, out r2, out r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulPortable<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        ulong hi, lo, h2, l2, m, a, c;

        hi = Math.BigMul(a0, b0, out lo);
        lo += t0;
        hi += lo < t0 ? 1UL : 0UL;
        a = hi;
        m = lo * TM.Inv;
        c = Math.BigMul(m, TM.P0, out _) + (lo != 0 ? 1UL : 0UL);

        hi = Math.BigMul(a1, b0, out lo);
        lo += t1;
        hi += lo < t1 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P1, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t0 = l2;

        hi = Math.BigMul(a2, b0, out lo);
        lo += t2;
        hi += lo < t2 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P2, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t1 = l2;

        hi = Math.BigMul(a3, b0, out lo);
        lo += t3;
        hi += lo < t3 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P3, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t2 = l2;

        t3 = c + a;

        hi = Math.BigMul(a0, b1, out lo);
        lo += t0;
        hi += lo < t0 ? 1UL : 0UL;
        a = hi;
        m = lo * TM.Inv;
        c = Math.BigMul(m, TM.P0, out _) + (lo != 0 ? 1UL : 0UL);

        hi = Math.BigMul(a1, b1, out lo);
        lo += t1;
        hi += lo < t1 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P1, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t0 = l2;

        hi = Math.BigMul(a2, b1, out lo);
        lo += t2;
        hi += lo < t2 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P2, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t1 = l2;

        hi = Math.BigMul(a3, b1, out lo);
        lo += t3;
        hi += lo < t3 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P3, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t2 = l2;

        t3 = c + a;

        hi = Math.BigMul(a0, b2, out lo);
        lo += t0;
        hi += lo < t0 ? 1UL : 0UL;
        a = hi;
        m = lo * TM.Inv;
        c = Math.BigMul(m, TM.P0, out _) + (lo != 0 ? 1UL : 0UL);

        hi = Math.BigMul(a1, b2, out lo);
        lo += t1;
        hi += lo < t1 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P1, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t0 = l2;

        hi = Math.BigMul(a2, b2, out lo);
        lo += t2;
        hi += lo < t2 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P2, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t1 = l2;

        hi = Math.BigMul(a3, b2, out lo);
        lo += t3;
        hi += lo < t3 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P3, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t2 = l2;

        t3 = c + a;

        hi = Math.BigMul(a0, b3, out lo);
        lo += t0;
        hi += lo < t0 ? 1UL : 0UL;
        a = hi;
        m = lo * TM.Inv;
        c = Math.BigMul(m, TM.P0, out _) + (lo != 0 ? 1UL : 0UL);

        hi = Math.BigMul(a1, b3, out lo);
        lo += t1;
        hi += lo < t1 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P1, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t0 = l2;

        hi = Math.BigMul(a2, b3, out lo);
        lo += t2;
        hi += lo < t2 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P2, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t1 = l2;

        hi = Math.BigMul(a3, b3, out lo);
        lo += t3;
        hi += lo < t3 ? 1UL : 0UL;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        a = hi;
        h2 = Math.BigMul(m, TM.P3, out l2);
        l2 += lo;
        h2 += l2 < lo ? 1UL : 0UL;
        l2 += c;
        h2 += l2 < c ? 1UL : 0UL;
        c = h2;
        t2 = l2;

        t3 = c + a;

        ReduceOnce<TM>(t0, t1, t2, t3, out r0, out r1, out r2, out r3);
    }

    /// <summary>Maps a value in [0, 2p) to [0, p). Branch-free: the outcome is data-dependent and would mispredict.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReduceOnce<TM>(ulong t0, ulong t1, ulong t2, ulong t3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        ulong s0 = t0 - TM.P0;
        ulong br = t0 < TM.P0 ? 1UL : 0UL;
        ulong d = t1 - TM.P1;
        ulong s1 = d - br;
        br = (t1 < TM.P1 ? 1UL : 0UL) | (d < br ? 1UL : 0UL);
        d = t2 - TM.P2;
        ulong s2 = d - br;
        br = (t2 < TM.P2 ? 1UL : 0UL) | (d < br ? 1UL : 0UL);
        d = t3 - TM.P3;
        ulong s3 = d - br;
        br = (t3 < TM.P3 ? 1UL : 0UL) | (d < br ? 1UL : 0UL);
        ulong keep = 0UL - br; // all ones when t < p
        r0 = s0 ^ ((s0 ^ t0) & keep);
        r1 = s1 ^ ((s1 ^ t1) & keep);
        r2 = s2 ^ ((s2 ^ t2) & keep);
        r3 = s3 ^ ((s3 ^ t3) & keep);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        // p < 2^254, so the sum of two reduced values cannot overflow 256 bits.
        ulong s0 = a0 + b0;
        ulong c = s0 < a0 ? 1UL : 0UL;
        ulong t = a1 + c;
        ulong s1 = t + b1;
        c = (t < c ? 1UL : 0UL) | (s1 < b1 ? 1UL : 0UL);
        t = a2 + c;
        ulong s2 = t + b2;
        c = (t < c ? 1UL : 0UL) | (s2 < b2 ? 1UL : 0UL);
        ulong s3 = a3 + b3 + c;
        ReduceOnce<TM>(s0, s1, s2, s3, out r0, out r1, out r2, out r3);
    }

    /// <summary>
    /// a + b without the final conditional subtraction, so the result is only below 2p. <see cref="Mul{TM}"/> accepts
    /// such operands: with a, b &lt; 2p the running value stays below a + p &lt; 3p &lt; 2^256 and the result below
    /// 4p²/R + p &lt; 2p (p &lt; R/5 for both BN254 moduli), so its single reduction still lands in [0, p).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddUnreduced(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3)
    {
        r0 = a0 + b0;
        ulong c = r0 < a0 ? 1UL : 0UL;
        ulong t = a1 + c;
        r1 = t + b1;
        c = (t < c ? 1UL : 0UL) | (r1 < b1 ? 1UL : 0UL);
        t = a2 + c;
        r2 = t + b2;
        c = (t < c ? 1UL : 0UL) | (r2 < b2 ? 1UL : 0UL);
        r3 = a3 + b3 + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub<TM>(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        ulong d0 = a0 - b0;
        ulong br = a0 < b0 ? 1UL : 0UL;
        ulong t = a1 - b1;
        ulong d1 = t - br;
        br = (a1 < b1 ? 1UL : 0UL) | (t < br ? 1UL : 0UL);
        t = a2 - b2;
        ulong d2 = t - br;
        br = (a2 < b2 ? 1UL : 0UL) | (t < br ? 1UL : 0UL);
        t = a3 - b3;
        ulong d3 = t - br;
        br = (a3 < b3 ? 1UL : 0UL) | (t < br ? 1UL : 0UL);

        // Add p back under a mask instead of a branch.
        ulong mask = 0UL - br;
        ulong p0 = TM.P0 & mask, p1 = TM.P1 & mask, p2 = TM.P2 & mask, p3 = TM.P3 & mask;
        r0 = d0 + p0;
        ulong c = r0 < p0 ? 1UL : 0UL;
        t = d1 + c;
        r1 = t + p1;
        c = (t < c ? 1UL : 0UL) | (r1 < p1 ? 1UL : 0UL);
        t = d2 + c;
        r2 = t + p2;
        c = (t < c ? 1UL : 0UL) | (r2 < p2 ? 1UL : 0UL);
        r3 = d3 + p3 + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg<TM>(ulong a0, ulong a1, ulong a2, ulong a3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus =>
        Sub<TM>(0, 0, 0, 0, a0, a1, a2, a3, out r0, out r1, out r2, out r3);

    /// <summary>a/2: add p when a is odd (no overflow, p &lt; 2^254), then shift right. Montgomery form commutes with it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Halve<TM>(ulong a0, ulong a1, ulong a2, ulong a3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3) where TM : struct, IMontgomeryModulus
    {
        ulong mask = 0UL - (a0 & 1);
        ulong p0 = TM.P0 & mask, p1 = TM.P1 & mask, p2 = TM.P2 & mask, p3 = TM.P3 & mask;
        ulong s0 = a0 + p0;
        ulong c = s0 < p0 ? 1UL : 0UL;
        ulong t = a1 + c;
        ulong s1 = t + p1;
        c = (t < c ? 1UL : 0UL) | (s1 < p1 ? 1UL : 0UL);
        t = a2 + c;
        ulong s2 = t + p2;
        c = (t < c ? 1UL : 0UL) | (s2 < p2 ? 1UL : 0UL);
        ulong s3 = a3 + p3 + c;
        r0 = (s0 >> 1) | (s1 << 63);
        r1 = (s1 >> 1) | (s2 << 63);
        r2 = (s2 >> 1) | (s3 << 63);
        r3 = s3 >> 1;
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

    /// <summary>Four limbs with an address, for the machine-code kernel's pointer arguments.</summary>
    private struct Limbs(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        public ulong L0 = l0, L1 = l1, L2 = l2, L3 = l3;
    }
}
