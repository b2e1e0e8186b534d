namespace TrustChain.Zk.Bn254;

/// <summary>Cubic extension F_q6 = F_q2[v]/(v³ - ξ), ξ = 9 + u; an element is C0 + C1·v + C2·v².</summary>
public readonly struct Fq6 : IEquatable<Fq6>
{
    public Fq6(in Fq2 c0, in Fq2 c1, in Fq2 c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    public Fq2 C0 { get; }

    public Fq2 C1 { get; }

    public Fq2 C2 { get; }

    public static Fq6 Zero => default;

    public static Fq6 One => new(Fq2.One, Fq2.Zero, Fq2.Zero);

    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    public bool IsOne => C0.IsOne && C1.IsZero && C2.IsZero;

    public static Fq6 operator +(in Fq6 a, in Fq6 b) => new(a.C0 + b.C0, a.C1 + b.C1, a.C2 + b.C2);

    public static Fq6 operator -(in Fq6 a, in Fq6 b) => new(a.C0 - b.C0, a.C1 - b.C1, a.C2 - b.C2);

    public static Fq6 operator -(in Fq6 a) => new(-a.C0, -a.C1, -a.C2);

    /// <summary>Karatsuba-style interpolation (Devegili et al.): six F_q2 multiplications.</summary>
    public static Fq6 operator *(in Fq6 a, in Fq6 b)
    {
        Fq2 v0 = a.C0 * b.C0;
        Fq2 v1 = a.C1 * b.C1;
        Fq2 v2 = a.C2 * b.C2;
        Fq2 c0 = ((a.C1 + a.C2) * (b.C1 + b.C2) - v1 - v2).MulByNonResidue() + v0;
        Fq2 c1 = (a.C0 + a.C1) * (b.C0 + b.C1) - v0 - v1 + v2.MulByNonResidue();
        Fq2 c2 = (a.C0 + a.C2) * (b.C0 + b.C2) - v0 - v2 + v1;
        return new Fq6(c0, c1, c2);
    }

    public static Fq6 operator *(in Fq6 a, in Fq2 b) => new(a.C0 * b, a.C1 * b, a.C2 * b);

    public static bool operator ==(in Fq6 a, in Fq6 b) => a.Equals(b);

    public static bool operator !=(in Fq6 a, in Fq6 b) => !a.Equals(b);

    /// <summary>Chung–Hasan SQR2.</summary>
    public Fq6 Square()
    {
        Fq2 s0 = C0.Square();
        Fq2 ab = C0 * C1;
        Fq2 s1 = ab.Double();
        Fq2 s2 = (C0 - C1 + C2).Square();
        Fq2 bc = C1 * C2;
        Fq2 s3 = bc.Double();
        Fq2 s4 = C2.Square();
        return new Fq6(s0 + s3.MulByNonResidue(), s1 + s4.MulByNonResidue(), s1 + s2 + s3 - s0 - s4);
    }

    public Fq6 Double() => new(C0.Double(), C1.Double(), C2.Double());

    /// <summary>Multiplies by v: (c0 + c1 v + c2 v²)·v = ξc2 + c0 v + c1 v².</summary>
    public Fq6 MulByNonResidue() => new(C2.MulByNonResidue(), C0, C1);

    /// <summary>Multiplies by the sparse element b0 + b1·v.</summary>
    public Fq6 MulBy01(in Fq2 b0, in Fq2 b1)
    {
        Fq2 v0 = C0 * b0;
        Fq2 v1 = C1 * b1;
        Fq2 c0 = ((C1 + C2) * b1 - v1).MulByNonResidue() + v0;
        Fq2 c1 = (C0 + C1) * (b0 + b1) - v0 - v1;
        Fq2 c2 = (C0 + C2) * b0 - v0 + v1;
        return new Fq6(c0, c1, c2);
    }

    /// <summary>Multiplies by the sparse element b1·v.</summary>
    public Fq6 MulBy1(in Fq2 b1) => new((C2 * b1).MulByNonResidue(), C0 * b1, C1 * b1);

    /// <exception cref="DivideByZeroException">The element is zero.</exception>
    public Fq6 Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException("Zero has no inverse in Fq6.");
        }

        Fq2 t0 = C0.Square() - (C1 * C2).MulByNonResidue();
        Fq2 t1 = C2.Square().MulByNonResidue() - C0 * C1;
        Fq2 t2 = C1.Square() - C0 * C2;
        Fq2 norm = C0 * t0 + (C2 * t1).MulByNonResidue() + (C1 * t2).MulByNonResidue();
        Fq2 inv = norm.Inverse();
        return new Fq6(t0 * inv, t1 * inv, t2 * inv);
    }

    /// <summary>x ↦ x^(q^power).</summary>
    public Fq6 FrobeniusMap(int power)
    {
        int n = FrobeniusCoefficients.Normalize(power);
        return new Fq6(
            C0.FrobeniusMap(n),
            C1.FrobeniusMap(n) * FrobeniusCoefficients.Gamma(n, 2),
            C2.FrobeniusMap(n) * FrobeniusCoefficients.Gamma(n, 4));
    }

    public bool Equals(Fq6 other) => C0 == other.C0 && C1 == other.C1 && C2 == other.C2;

    public override bool Equals(object? obj) => obj is Fq6 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);

    public override string ToString() => $"({C0}, {C1}, {C2})";
}
