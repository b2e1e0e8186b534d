using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TrustChain.Zk.Bn254;

/// <summary>
/// Eight independent F_r elements in AVX-512 lanes, for batches of equal work such as a LeanIMT level of Poseidon
/// hashes. Each lane holds nine 29-bit limbs (radix 2^29, 261 bits) of a value V ≡ x·2^261 (mod r) in a lazily
/// reduced Montgomery form with R' = 2^261.
/// </summary>
/// <remarks>
/// Why 29-bit limbs: VPMULUDQ multiplies 32×32 → 64 bits in all eight lanes at once, and with 29-bit limbs a whole
/// Montgomery multiplication (9 limb products plus 9 reduction products per output column, each below 2^60) sums
/// in 64-bit lanes without any carry handling, which is what makes scalar 64-bit-limb code slow in .NET (no ADC).
/// Because R' = 2^261 exceeds r by more than 2^7, products of values below 12·r stay below r·R', so the Montgomery
/// output is below 2r without a final subtraction and sums of a few outputs need no reduction; callers keep their
/// values under that bound (see <see cref="Mul"/>). Limbs are "normalised" when every limb below the top is under
/// 2^29; products need normalised inputs or sums of at most four normalised values.
/// </remarks>
internal struct FrVector8
{
    public const int Lanes = 8;
    private const int LimbCount = 9;
    private const int LimbBits = 29;

    public Vector512<ulong> L0;
    public Vector512<ulong> L1;
    public Vector512<ulong> L2;
    public Vector512<ulong> L3;
    public Vector512<ulong> L4;
    public Vector512<ulong> L5;
    public Vector512<ulong> L6;
    public Vector512<ulong> L7;
    public Vector512<ulong> L8;

    private static readonly Vector512<ulong> LimbMask = Vector512.Create((1UL << LimbBits) - 1);
    private static readonly Vector512<uint> MontgomeryInverse = Vector512.Create(ComputeInverse()).AsUInt32();
    private static readonly Vector512<uint>[] ModulusLimbs = SplitBroadcast(Fr.Modulus);

    /// <summary>R' mod r: multiplying by it keeps the residue and brings any value below 2^261 under 2r.</summary>
    private static readonly FrVector8 Reducer = FromInteger(BigInteger.ModPow(2, 261, Fr.Modulus));

    /// <summary>2^256 mod r: multiplying by it turns V ≡ x·2^261 into x·2^256, i.e. Fr's own Montgomery limbs.</summary>
    private static readonly FrVector8 ToFrFactor = FromInteger(BigInteger.ModPow(2, 256, Fr.Modulus));

    /// <summary>True when the CPU runs these kernels natively; otherwise callers use scalar <see cref="Fr"/> code.</summary>
    public static bool IsSupported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>The same constant in every lane, as a normalised value below r.</summary>
    public static FrVector8 Broadcast(in Fr value)
    {
        // x·2^261 mod r = (x·2^256)·2^5 mod r: five modular doublings of Fr's Montgomery form.
        Fr v = value.Double().Double().Double().Double().Double();
        Span<ulong> limbs = stackalloc ulong[4];
        v.ToMontgomeryLimbs(limbs);
        FrVector8 result = default;
        for (int j = 0; j < LimbCount; j++)
        {
            result.SetLimb(j, Vector512.Create(Extract(limbs, j * LimbBits)));
        }

        return result;
    }

    /// <summary>Loads eight elements (normalised, below 2r).</summary>
    /// <exception cref="ArgumentException">Not exactly eight values.</exception>
    public static FrVector8 Load(ReadOnlySpan<Fr> values)
    {
        if (values.Length != Lanes)
        {
            throw new ArgumentException($"FrVector8 needs exactly {Lanes} values, got {values.Length}.", nameof(values));
        }

        // Fr's Montgomery limbs L < r shifted left by 5 bits are L·2^5 ≡ x·2^261 (below 32r); one multiplication by
        // R' mod r then brings the value below 2r.
        Span<ulong> lanes = stackalloc ulong[Lanes * LimbCount];
        Span<ulong> limbs = stackalloc ulong[5];
        for (int k = 0; k < Lanes; k++)
        {
            values[k].ToMontgomeryLimbs(limbs[..4]);
            limbs[4] = limbs[3] >> 59;
            limbs[3] = (limbs[3] << 5) | (limbs[2] >> 59);
            limbs[2] = (limbs[2] << 5) | (limbs[1] >> 59);
            limbs[1] = (limbs[1] << 5) | (limbs[0] >> 59);
            limbs[0] <<= 5;
            for (int j = 0; j < LimbCount; j++)
            {
                lanes[j * Lanes + k] = Extract(limbs, j * LimbBits);
            }
        }

        FrVector8 raw = default;
        for (int j = 0; j < LimbCount; j++)
        {
            raw.SetLimb(j, Vector512.Create<ulong>(lanes.Slice(j * Lanes, Lanes)));
        }

        return Mul(raw, Reducer);
    }

    /// <summary>Stores the eight lanes as fully reduced <see cref="Fr"/> values. The value must be below 2^261.</summary>
    /// <exception cref="ArgumentException">Not exactly eight destinations.</exception>
    public readonly void Store(Span<Fr> destination)
    {
        if (destination.Length != Lanes)
        {
            throw new ArgumentException($"FrVector8 stores exactly {Lanes} values, got {destination.Length}.", nameof(destination));
        }

        FrVector8 v = Mul(this, ToFrFactor);
        Span<ulong> lanes = stackalloc ulong[Lanes * LimbCount];
        for (int j = 0; j < LimbCount; j++)
        {
            v.GetLimb(j).CopyTo(lanes.Slice(j * Lanes, Lanes));
        }

        Span<ulong> packed = stackalloc ulong[4];
        for (int k = 0; k < Lanes; k++)
        {
            // Below 2r < 2^255: pack the 29-bit limbs into four 64-bit limbs, then one conditional subtraction.
            UInt128 acc = 0;
            int accBits = 0;
            packed.Clear();
            int word = 0;
            for (int j = 0; j < LimbCount && word < 4; j++)
            {
                acc |= (UInt128)lanes[j * Lanes + k] << accBits;
                accBits += LimbBits;
                if (accBits >= 64)
                {
                    packed[word++] = (ulong)acc;
                    acc >>= 64;
                    accBits -= 64;
                }
            }

            if (word < 4)
            {
                packed[word] = (ulong)acc;
            }

            destination[k] = Fr.FromMontgomeryLimbsReducingOnce(packed[0], packed[1], packed[2], packed[3]);
        }
    }

    /// <summary>Same residue, below 2r: for values below 2^261 whose bound has grown through lazy additions.</summary>
    public static FrVector8 Reduce(in FrVector8 a) => Mul(a, Reducer);

    /// <summary>Lane-wise a + b without reduction or carry propagation (limbs grow by one bit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FrVector8 Add(in FrVector8 a, in FrVector8 b)
    {
        FrVector8 r;
        r.L0 = a.L0 + b.L0;
        r.L1 = a.L1 + b.L1;
        r.L2 = a.L2 + b.L2;
        r.L3 = a.L3 + b.L3;
        r.L4 = a.L4 + b.L4;
        r.L5 = a.L5 + b.L5;
        r.L6 = a.L6 + b.L6;
        r.L7 = a.L7 + b.L7;
        r.L8 = a.L8 + b.L8;
        return r;
    }

    /// <summary>Propagates carries so every limb but the top one is below 2^29 (the value is unchanged).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FrVector8 Normalize(in FrVector8 a)
    {
        Vector512<ulong> mask = LimbMask;
        FrVector8 r;
        Vector512<ulong> t = a.L0;
        r.L0 = t & mask;
        t = a.L1 + (t >>> LimbBits);
        r.L1 = t & mask;
        t = a.L2 + (t >>> LimbBits);
        r.L2 = t & mask;
        t = a.L3 + (t >>> LimbBits);
        r.L3 = t & mask;
        t = a.L4 + (t >>> LimbBits);
        r.L4 = t & mask;
        t = a.L5 + (t >>> LimbBits);
        r.L5 = t & mask;
        t = a.L6 + (t >>> LimbBits);
        r.L6 = t & mask;
        t = a.L7 + (t >>> LimbBits);
        r.L7 = t & mask;
        r.L8 = a.L8 + (t >>> LimbBits);
        return r;
    }

    /// <summary>
    /// Montgomery product a·b·2^-261 mod r, normalised and below a·b/2^261 + r. Inputs must be normalised (or sums of
    /// at most four normalised values) and satisfy a·b &lt; r·2^261, e.g. both below 12r, which keeps the output below 2r.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static FrVector8 Mul(in FrVector8 a, in FrVector8 b)
    {
        Vector512<ulong> mask = LimbMask;
        Vector512<uint> inv = MontgomeryInverse;
        Vector512<uint> p0 = ModulusLimbs[0];
        Vector512<uint> p1 = ModulusLimbs[1];
        Vector512<uint> p2 = ModulusLimbs[2];
        Vector512<uint> p3 = ModulusLimbs[3];
        Vector512<uint> p4 = ModulusLimbs[4];
        Vector512<uint> p5 = ModulusLimbs[5];
        Vector512<uint> p6 = ModulusLimbs[6];
        Vector512<uint> p7 = ModulusLimbs[7];
        Vector512<uint> p8 = ModulusLimbs[8];
        Vector512<uint> a0 = a.L0.AsUInt32();
        Vector512<uint> a1 = a.L1.AsUInt32();
        Vector512<uint> a2 = a.L2.AsUInt32();
        Vector512<uint> a3 = a.L3.AsUInt32();
        Vector512<uint> a4 = a.L4.AsUInt32();
        Vector512<uint> a5 = a.L5.AsUInt32();
        Vector512<uint> a6 = a.L6.AsUInt32();
        Vector512<uint> a7 = a.L7.AsUInt32();
        Vector512<uint> a8 = a.L8.AsUInt32();
        Vector512<ulong> t0, t1, t2, t3, t4, t5, t6, t7, t8, q;
        Vector512<uint> qq;
        // Limb 0 of b.
        Vector512<uint> b0 = b.L0.AsUInt32();
        t0 = Avx512F.Multiply(a0, b0);
        t1 = Avx512F.Multiply(a1, b0);
        t2 = Avx512F.Multiply(a2, b0);
        t3 = Avx512F.Multiply(a3, b0);
        t4 = Avx512F.Multiply(a4, b0);
        t5 = Avx512F.Multiply(a5, b0);
        t6 = Avx512F.Multiply(a6, b0);
        t7 = Avx512F.Multiply(a7, b0);
        t8 = Avx512F.Multiply(a8, b0);
        q = Avx512F.Multiply(t0.AsUInt32(), inv) & mask;
        qq = q.AsUInt32();
        t0 += Avx512F.Multiply(qq, p0);
        t1 += Avx512F.Multiply(qq, p1);
        t2 += Avx512F.Multiply(qq, p2);
        t3 += Avx512F.Multiply(qq, p3);
        t4 += Avx512F.Multiply(qq, p4);
        t5 += Avx512F.Multiply(qq, p5);
        t6 += Avx512F.Multiply(qq, p6);
        t7 += Avx512F.Multiply(qq, p7);
        t8 += Avx512F.Multiply(qq, p8);
        t1 += t0 >>> LimbBits;
        t0 = t1; t1 = t2; t2 = t3; t3 = t4; t4 = t5; t5 = t6; t6 = t7; t7 = t8;
        t8 = Vector512<ulong>.Zero;
        // Limb 1 of b.
        Vector512<uint> b1 = b.L1.AsUInt32();
        t0 += Avx512F.Multiply(a0, b1);
        t1 += Avx512F.Multiply(a1, b1);
        t2 += Avx512F.Multiply(a2, b1);
        t3 += Avx512F.Multiply(a3, b1);
        t4 += Avx512F.Multiply(a4, b1);
        t5 += Avx512F.Multiply(a5, b1);
        t6 += Avx512F.Multiply(a6, b1);
        t7 += Avx512F.Multiply(a7, b1);
        t8 += Avx512F.Multiply(a8, b1);
        q = Avx512F.Multiply(t0.AsUInt32(), inv) & mask;
        qq = q.AsUInt32();
        t0 += Avx512F.Multiply(qq, p0);
        t1 += Avx512F.Multiply(qq, p1);
        t2 += Avx512F.Multiply(qq, p2);
        t3 += Avx512F.Multiply(qq, p3);
        t4 += Avx512F.Multiply(qq, p4);
        t5 += Avx512F.Multiply(qq, p5);
        t6 += Avx512F.Multiply(qq, p6);
        t7 += Avx512F.Multiply(qq, p7);
        t8 += Avx512F.Multiply(qq, p8);
        t1 += t0 >>> LimbBits;
        t0 = t1; t1 = t2; t2 = t3; t3 = t4; t4 = t5; t5 = t6; t6 = t7; t7 = t8;
        t8 = Vector512<ulong>.Zero;
        // Limb 2 of b.
        Vector512<uint> b2 = b.L2.AsUInt32();
        t0 += Avx512F.Multiply(a0, b2);
        t1 += Avx512F.Multiply(a1, b2);
        t2 += Avx512F.Multiply(a2, b2);
        t3 += Avx512F.Multiply(a3, b2);
        t4 += Avx512F.Multiply(a4, b2);
        t5 += Avx512F.Multiply(a5, b2);
        t6 += Avx512F.Multiply(a6, b2);
        t7 += Avx512F.Multiply(a7, b2);
        t8 += Avx512F.Multiply(a8, b2);
        q = Avx512F.Multiply(t0.AsUInt32(), inv) & mask;
        qq = q.AsUInt32();
        t0 += Avx512F.Multiply(qq, p0);
        t1 += Avx512F.Multiply(qq, p1);
        t2 += Avx512F.Multiply(qq, p2);
        t3 += Avx512F.Multiply(qq, p3);
        t4 += Avx512F.Multiply(qq, p4);
        t5 += Avx512F.Multiply(qq, p5);
        t6 += Avx512F.Multiply(qq, p6);
        t7 += Avx512F.Multiply(qq, p7);
        t8 += Avx512F.Multiply(qq, p8);
        t1 += t0 >>> LimbBits;
        t0 = t1; t1 = t2; t2 = t3; t3 = t4; t4 = t5; t5 = t6; t6 = t7; t7 = t8;
        t8 = Vector512<ulong>.Zero;
        // Limb 3 of b.
        Vector512<uint> b3 = b.L3.AsUInt32();
        t0 += Avx512F.Multiply(a0, b3);
        t1 += Avx512F.Multiply(a1, b3);
        t2 += Avx512F.Multiply(a2, b3);
        t3 += Avx512F.Multiply(a3, b3);
        t4 += Avx512F.Multiply(a4, b3);
        t5 += Avx512F.Multiply(a5, b3);
        t6 += Avx512F.Multiply(a6, b3);
        t7 += Avx512F.Multiply(a7, b3);
        t8 += Avx512F.Multiply(a8, b3);
        q = Avx512F.Multiply(t0.AsUInt32(), inv) & mask;
        qq = q.AsUInt32();
        t0 += Avx512F.Multiply(qq, p0);
        t1 += Avx512F.Multiply(qq, p1);
        t2 += Avx512F.Multiply(qq, p2);
        t3 += Avx512F.Multiply(qq, p3);
        t4 += Avx512F.Multiply(qq, p4);
        t5 += Avx512F.Multiply(qq, p5);
        t6 += Avx512F.Multiply(qq, p6);
        t7 += Avx512F.Multiply(qq, p7);
        t8 += Avx512F.Multiply(qq, p8);
        t1 += t0 >>> LimbBits;
        t0 = t1; t1 = t2; t2 = t3; t3 = t4; t4 = t5; t5 = t6; t6 = t7; t7 = t8;
        t8 = Vector512<ulong>.Zero;
        // Limb 4 of b.
        Vector512<uint> b4 = b.L4.AsUInt32();
        t0 += Avx512F.Multiply(a0, b4);
        t1 += Avx512F.Multiply(a1, b4);
        t2 += Avx512F.Multiply(a2, b4);
        t3 += Avx512F.Multiply(a3, b4);
        t4 += Avx512F.Multiply(a4, b4);
        t5 += Avx512F.Multiply(a5, b4);
        t6 += Avx512F.Multiply(a6, b4);
        t7 += Avx512F.Multiply(a7, b4);
        t8 += Avx512F.Multiply(a8, b4);
        q = Avx512F.Multiply(t0.AsUInt32(), inv) & mask;
        qq = q.AsUInt32();
        t0 += Avx512F.Multiply(qq, p0);
        t1 += Avx512F.Multiply(qq, p1);
        t2 += Avx512F.Multiply(qq, p2);
        t3 += Avx512F.Multiply(qq, p3);
        t4 += Avx512F.Multiply(qq, p4);
        t5 += Avx512F.Multiply(qq, p5);
        t6 += Avx512F.Multiply(qq, p6);
        t7 += Avx512F.Multiply(qq, p7);
        t8 += Avx512F.Multiply(qq, p8);
        t1 += t0 >>> LimbBits;
        t0 = t1; t1 = t2; t2 = t3; t3 = t4; t4 = t5; t5 = t6; t6 = t7; t7 = t8;
        t8 = Vector512<ulong>.Zero;
        // Limb 5 of b.
        Vector512<uint> b5 = b.L5.AsUInt32();
        t0 += Avx512F.Multiply(a0, b5);
        t1 += Avx512F.Multiply(a1, b5);
        t2 += Avx512F.Multiply(a2, b5);
        t3 += Avx512F.Multiply(a3, b5);
        t4 += Avx512F.Multiply(a4, b5);
        t5 += Avx512F.Multiply(a5, b5);
        t6 += Avx512F.Multiply(a6, b5);
        t7 += Avx512F.Multiply(a7, b5);
        t8 += Avx512F.Multiply(a8, b5);
        q = Avx512F.Multiply(t0.AsUInt32(), inv) & mask;
        qq = q.AsUInt32();
        t0 += Avx512F.Multiply(qq, p0);
        t1 += Avx512F.Multiply(qq, p1);
        t2 += Avx512F.Multiply(qq, p2);
        t3 += Avx512F.Multiply(qq, p3);
        t4 += Avx512F.Multiply(qq, p4);
        t5 += Avx512F.Multiply(qq, p5);
        t6 += Avx512F.Multiply(qq, p6);
        t7 += Avx512F.Multiply(qq, p7);
        t8 += Avx512F.Multiply(qq, p8);
        t1 += t0 >>> LimbBits;
        t0 = t1; t1 = t2; t2 = t3; t3 = t4; t4 = t5; t5 = t6; t6 = t7; t7 = t8;
        t8 = Vector512<ulong>.Zero;
        // Limb 6 of b.
        Vector512<uint> b6 = b.L6.AsUInt32();
        t0 += Avx512F.Multiply(a0, b6);
        t1 += Avx512F.Multiply(a1, b6);
        t2 += Avx512F.Multiply(a2, b6);
        t3 += Avx512F.Multiply(a3, b6);
        t4 += Avx512F.Multiply(a4, b6);
        t5 += Avx512F.Multiply(a5, b6);
        t6 += Avx512F.Multiply(a6, b6);
        t7 += Avx512F.Multiply(a7, b6);
        t8 += Avx512F.Multiply(a8, b6);
        q = Avx512F.Multiply(t0.AsUInt32(), inv) & mask;
        qq = q.AsUInt32();
        t0 += Avx512F.Multiply(qq, p0);
        t1 += Avx512F.Multiply(qq, p1);
        t2 += Avx512F.Multiply(qq, p2);
        t3 += Avx512F.Multiply(qq, p3);
        t4 += Avx512F.Multiply(qq, p4);
        t5 += Avx512F.Multiply(qq, p5);
        t6 += Avx512F.Multiply(qq, p6);
        t7 += Avx512F.Multiply(qq, p7);
        t8 += Avx512F.Multiply(qq, p8);
        t1 += t0 >>> LimbBits;
        t0 = t1; t1 = t2; t2 = t3; t3 = t4; t4 = t5; t5 = t6; t6 = t7; t7 = t8;
        t8 = Vector512<ulong>.Zero;
        // Limb 7 of b.
        Vector512<uint> b7 = b.L7.AsUInt32();
        t0 += Avx512F.Multiply(a0, b7);
        t1 += Avx512F.Multiply(a1, b7);
        t2 += Avx512F.Multiply(a2, b7);
        t3 += Avx512F.Multiply(a3, b7);
        t4 += Avx512F.Multiply(a4, b7);
        t5 += Avx512F.Multiply(a5, b7);
        t6 += Avx512F.Multiply(a6, b7);
        t7 += Avx512F.Multiply(a7, b7);
        t8 += Avx512F.Multiply(a8, b7);
        q = Avx512F.Multiply(t0.AsUInt32(), inv) & mask;
        qq = q.AsUInt32();
        t0 += Avx512F.Multiply(qq, p0);
        t1 += Avx512F.Multiply(qq, p1);
        t2 += Avx512F.Multiply(qq, p2);
        t3 += Avx512F.Multiply(qq, p3);
        t4 += Avx512F.Multiply(qq, p4);
        t5 += Avx512F.Multiply(qq, p5);
        t6 += Avx512F.Multiply(qq, p6);
        t7 += Avx512F.Multiply(qq, p7);
        t8 += Avx512F.Multiply(qq, p8);
        t1 += t0 >>> LimbBits;
        t0 = t1; t1 = t2; t2 = t3; t3 = t4; t4 = t5; t5 = t6; t6 = t7; t7 = t8;
        t8 = Vector512<ulong>.Zero;
        // Limb 8 of b.
        Vector512<uint> b8 = b.L8.AsUInt32();
        t0 += Avx512F.Multiply(a0, b8);
        t1 += Avx512F.Multiply(a1, b8);
        t2 += Avx512F.Multiply(a2, b8);
        t3 += Avx512F.Multiply(a3, b8);
        t4 += Avx512F.Multiply(a4, b8);
        t5 += Avx512F.Multiply(a5, b8);
        t6 += Avx512F.Multiply(a6, b8);
        t7 += Avx512F.Multiply(a7, b8);
        t8 += Avx512F.Multiply(a8, b8);
        q = Avx512F.Multiply(t0.AsUInt32(), inv) & mask;
        qq = q.AsUInt32();
        t0 += Avx512F.Multiply(qq, p0);
        t1 += Avx512F.Multiply(qq, p1);
        t2 += Avx512F.Multiply(qq, p2);
        t3 += Avx512F.Multiply(qq, p3);
        t4 += Avx512F.Multiply(qq, p4);
        t5 += Avx512F.Multiply(qq, p5);
        t6 += Avx512F.Multiply(qq, p6);
        t7 += Avx512F.Multiply(qq, p7);
        t8 += Avx512F.Multiply(qq, p8);
        t1 += t0 >>> LimbBits;
        t0 = t1; t1 = t2; t2 = t3; t3 = t4; t4 = t5; t5 = t6; t6 = t7; t7 = t8;
        t8 = Vector512<ulong>.Zero;
        FrVector8 r;
        r.L0 = t0;
        r.L1 = t1;
        r.L2 = t2;
        r.L3 = t3;
        r.L4 = t4;
        r.L5 = t5;
        r.L6 = t6;
        r.L7 = t7;
        r.L8 = t8;
        return Normalize(r);
    }

    private readonly Vector512<ulong> GetLimb(int j) => j switch
    {
        0 => L0,
        1 => L1,
        2 => L2,
        3 => L3,
        4 => L4,
        5 => L5,
        6 => L6,
        7 => L7,
        _ => L8,
    };

    private void SetLimb(int j, Vector512<ulong> value)
    {
        switch (j)
        {
            case 0: L0 = value; break;
            case 1: L1 = value; break;
            case 2: L2 = value; break;
            case 3: L3 = value; break;
            case 4: L4 = value; break;
            case 5: L5 = value; break;
            case 6: L6 = value; break;
            case 7: L7 = value; break;
            default: L8 = value; break;
        }
    }

    /// <summary>Bits [offset, offset + 29) of a little-endian limb array (zero beyond its end).</summary>
    private static ulong Extract(ReadOnlySpan<ulong> limbs, int offset)
    {
        int word = offset >> 6;
        int shift = offset & 63;
        if (word >= limbs.Length)
        {
            return 0;
        }

        ulong v = limbs[word] >> shift;
        if (shift + LimbBits > 64 && word + 1 < limbs.Length)
        {
            v |= limbs[word + 1] << (64 - shift);
        }

        return v & ((1UL << LimbBits) - 1);
    }

    /// <summary>An integer below 2^261 as a normalised value in every lane (no Montgomery conversion).</summary>
    private static FrVector8 FromInteger(BigInteger value)
    {
        FrVector8 result = default;
        for (int j = 0; j < LimbCount; j++)
        {
            ulong limb = (ulong)((value >> (j * LimbBits)) & ((1UL << LimbBits) - 1));
            result.SetLimb(j, Vector512.Create(limb));
        }

        return result;
    }

    private static Vector512<uint>[] SplitBroadcast(BigInteger value)
    {
        Vector512<uint>[] limbs = new Vector512<uint>[LimbCount];
        for (int j = 0; j < LimbCount; j++)
        {
            limbs[j] = Vector512.Create((ulong)((value >> (j * LimbBits)) & ((1UL << LimbBits) - 1))).AsUInt32();
        }

        return limbs;
    }

    /// <summary>−r^-1 mod 2^29.</summary>
    private static ulong ComputeInverse()
    {
        BigInteger m = BigInteger.One << LimbBits;
        BigInteger inverse = BigInteger.ModPow(Fr.Modulus % m, (m >> 1) - 1, m); // the unit group mod 2^k has exponent 2^(k-2)
        return (ulong)((m - inverse) % m);
    }
}
