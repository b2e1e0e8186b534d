namespace TrustChain.Zk.Bn254;

/// <summary>
/// Degree-12 extension F_q12 = F_q6[w]/(w² − v); an element is C0 + C1·w. Pairing values live here.
/// </summary>
public readonly struct Fq12 : IEquatable<Fq12>
{
    public Fq12(in Fq6 c0, in Fq6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public Fq6 C0 { get; }

    public Fq6 C1 { get; }

    public static Fq12 Zero => default;

    public static Fq12 One => new(Fq6.One, Fq6.Zero);

    public bool IsZero => C0.IsZero && C1.IsZero;

    public bool IsOne => C0.IsOne && C1.IsZero;

    public static Fq12 operator +(in Fq12 a, in Fq12 b) => new(a.C0 + b.C0, a.C1 + b.C1);

    public static Fq12 operator -(in Fq12 a, in Fq12 b) => new(a.C0 - b.C0, a.C1 - b.C1);

    public static Fq12 operator -(in Fq12 a) => new(-a.C0, -a.C1);

    public static Fq12 operator *(in Fq12 a, in Fq12 b)
    {
        Fq6 aa = a.C0 * b.C0;
        Fq6 bb = a.C1 * b.C1;
        Fq6 c1 = (a.C0 + a.C1) * (b.C0 + b.C1) - aa - bb;
        return new Fq12(aa + bb.MulByNonResidue(), c1);
    }

    public static bool operator ==(in Fq12 a, in Fq12 b) => a.Equals(b);

    public static bool operator !=(in Fq12 a, in Fq12 b) => !a.Equals(b);

    /// <summary>
    /// Karatsuba squaring with three F_q6 squarings: C0² + C1²·v and (C0 + C1)² − C0² − C1². Same multiplication count
    /// as complex squaring (two F_q6 products) but squarings need fewer additions; measured ≈ 5 % faster.
    /// </summary>
    public Fq12 Square()
    {
        Fq6 a2 = C0.Square();
        Fq6 b2 = C1.Square();
        return new Fq12(a2 + b2.MulByNonResidue(), (C0 + C1).Square() - a2 - b2);
    }

    /// <summary>x^(q^6); for elements of the cyclotomic subgroup (all pairing outputs) this is the inverse.</summary>
    public Fq12 Conjugate() => new(C0, -C1);

    /// <exception cref="DivideByZeroException">The element is zero.</exception>
    public Fq12 Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException("Zero has no inverse in Fq12.");
        }

        Fq6 inv = (C0.Square() - C1.Square().MulByNonResidue()).Inverse();
        return new Fq12(C0 * inv, -(C1 * inv));
    }

    /// <summary>x ↦ x^(q^power).</summary>
    public Fq12 FrobeniusMap(int power)
    {
        int n = FrobeniusCoefficients.Normalize(power);
        Fq6 c0 = new(
            C0.C0.FrobeniusMap(n),
            C0.C1.FrobeniusMap(n) * FrobeniusCoefficients.Gamma(n, 2),
            C0.C2.FrobeniusMap(n) * FrobeniusCoefficients.Gamma(n, 4));
        Fq6 c1 = new(
            C1.C0.FrobeniusMap(n) * FrobeniusCoefficients.Gamma(n, 1),
            C1.C1.FrobeniusMap(n) * FrobeniusCoefficients.Gamma(n, 3),
            C1.C2.FrobeniusMap(n) * FrobeniusCoefficients.Gamma(n, 5));
        return new Fq12(c0, c1);
    }

    /// <summary>
    /// Multiplies by the sparse element d0 + (d3 + d4·v)·w, the shape of a Miller-loop line on the D-type twist.
    /// </summary>
    public Fq12 MulBy034(in Fq2 d0, in Fq2 d3, in Fq2 d4)
    {
        Fq6 aa = C0 * d0;
        Fq6 bb = C1.MulBy01(d3, d4);
        Fq6 c1 = (C0 + C1).MulBy01(d0 + d3, d4) - aa - bb;
        return new Fq12(aa + bb.MulByNonResidue(), c1);
    }

    /// <summary>
    /// Multiplies by the sparse element 1 + (d3 + d4·v)·w, a line divided by its constant term: with L = d3 + d4·v,
    /// (C0 + C1·w)(1 + L·w) = (C0 + C1·L·v) + (C0·L + C1)·w, two sparse F_q6 products (10 F_q2 multiplications).
    /// </summary>
    public Fq12 MulBy34(in Fq2 d3, in Fq2 d4) =>
        new(C0 + C1.MulBy01(d3, d4).MulByNonResidue(), C0.MulBy01(d3, d4) + C1);

    /// <summary>
    /// Granger–Scott squaring, valid only for elements of the cyclotomic subgroup (after the easy part of the final
    /// exponentiation). It views the element as three F_q4 values and squares each with two F_q2 multiplications.
    /// </summary>
    public Fq12 CyclotomicSquare()
    {
        Fq2 r0 = C0.C0, r4 = C0.C1, r3 = C0.C2, r2 = C1.C0, r1 = C1.C1, r5 = C1.C2;

        // Each F_q4 square (a + b·s)², s² = ξ, as a² + ξb² and (a + b)² − a² − b²: three F_q2 squarings and one
        // multiplication by ξ, instead of two F_q2 multiplications and two by ξ.
        Fq2 a2 = r0.Square(), b2 = r1.Square();
        Fq2 t0 = a2 + b2.MulByNonResidue();
        Fq2 t1 = (r0 + r1).Square() - a2 - b2;

        a2 = r2.Square();
        b2 = r3.Square();
        Fq2 t2 = a2 + b2.MulByNonResidue();
        Fq2 t3 = (r2 + r3).Square() - a2 - b2;

        a2 = r4.Square();
        b2 = r5.Square();
        Fq2 t4 = a2 + b2.MulByNonResidue();
        Fq2 t5 = (r4 + r5).Square() - a2 - b2;

        Fq2 z0 = (t0 - r0).Double() + t0;
        Fq2 z1 = (t1 + r1).Double() + t1;
        Fq2 nt5 = t5.MulByNonResidue();
        Fq2 z2 = (r2 + nt5).Double() + nt5;
        Fq2 z3 = (t4 - r3).Double() + t4;
        Fq2 z4 = (t2 - r4).Double() + t2;
        Fq2 z5 = (r5 + t3).Double() + t3;

        return new Fq12(new Fq6(z0, z4, z3), new Fq6(z2, z1, z5));
    }

    /// <summary>Raises to an unsigned integer given as little-endian 64-bit limbs.</summary>
    public Fq12 Pow(ReadOnlySpan<ulong> exponentLimbs)
    {
        Fq12 result = One;
        for (int limb = exponentLimbs.Length - 1; limb >= 0; limb--)
        {
            ulong e = exponentLimbs[limb];
            for (int bit = 63; bit >= 0; bit--)
            {
                result = result.Square();
                if (((e >> bit) & 1) != 0)
                {
                    result *= this;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// x^e for a cyclotomic-subgroup element, using cyclotomic squarings and a width-4 non-adjacent form of e: there
    /// the inverse is the free conjugate, so signed digits cost nothing extra, and the odd powers x, x³, x⁵, x⁷ cut the
    /// multiplications for the final exponentiation's 63-bit u from 23 to 17 (including the table).
    /// </summary>
    public Fq12 CyclotomicPow(ulong exponent)
    {
        Span<sbyte> naf = stackalloc sbyte[Wnaf.MaxDigits(1)];
        int count = Wnaf.Compute([exponent], CyclotomicWindow, naf);
        if (count == 0)
        {
            return One;
        }

        // odd[k] = x^(2k+1).
        Span<Fq12> odd = stackalloc Fq12[1 << (CyclotomicWindow - 2)];
        odd[0] = this;
        Fq12 square = CyclotomicSquare();
        for (int k = 1; k < odd.Length; k++)
        {
            odd[k] = odd[k - 1] * square;
        }

        // The leading wNAF digit is always positive.
        Fq12 result = odd[naf[count - 1] >> 1];
        for (int i = count - 2; i >= 0; i--)
        {
            result = result.CyclotomicSquare();
            int digit = naf[i];
            if (digit > 0)
            {
                result *= odd[digit >> 1];
            }
            else if (digit < 0)
            {
                result *= odd[-digit >> 1].Conjugate();
            }
        }

        return result;
    }

    private const int CyclotomicWindow = 4;

    public bool Equals(Fq12 other) => C0 == other.C0 && C1 == other.C1;

    public override bool Equals(object? obj) => obj is Fq12 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public override string ToString() => $"({C0}, {C1})";
}
