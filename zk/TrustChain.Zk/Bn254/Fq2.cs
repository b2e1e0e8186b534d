using System.Runtime.CompilerServices;

namespace TrustChain.Zk.Bn254;

/// <summary>Quadratic extension F_q2 = F_q[u]/(u² + 1); an element is C0 + C1·u.</summary>
public readonly struct Fq2 : IEquatable<Fq2>
{
    public Fq2(in Fq c0, in Fq c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public Fq C0 { get; }

    public Fq C1 { get; }

    public static Fq2 Zero => default;

    public static Fq2 One => new(Fq.One, Fq.Zero);

    /// <summary>The sextic non-residue ξ = 9 + u that defines F_q6 and the twist.</summary>
    public static Fq2 NonResidue => new(Fq.FromUInt64(9), Fq.One);

    public bool IsZero => C0.IsZero && C1.IsZero;

    public bool IsOne => C0.IsOne && C1.IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator +(in Fq2 a, in Fq2 b) => new(a.C0 + b.C0, a.C1 + b.C1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator -(in Fq2 a, in Fq2 b) => new(a.C0 - b.C0, a.C1 - b.C1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator -(in Fq2 a) => new(-a.C0, -a.C1);

    /// <summary>Karatsuba: three base-field multiplications; the two sums feed a multiplication unreduced.</summary>
    public static Fq2 operator *(in Fq2 a, in Fq2 b)
    {
        Fq v0 = a.C0 * b.C0;
        Fq v1 = a.C1 * b.C1;
        Fq s = Fq.AddUnreduced(a.C0, a.C1) * Fq.AddUnreduced(b.C0, b.C1);
        return new Fq2(v0 - v1, s - v0 - v1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fq2 operator *(in Fq2 a, in Fq b) => new(a.C0 * b, a.C1 * b);

    public static bool operator ==(in Fq2 a, in Fq2 b) => a.Equals(b);

    public static bool operator !=(in Fq2 a, in Fq2 b) => !a.Equals(b);

    /// <summary>(a + bu)² = (a + b)(a - b) + 2ab·u: two multiplications, whose sums are left unreduced.</summary>
    public Fq2 Square()
    {
        return new Fq2(Fq.AddUnreduced(C0, C1) * (C0 - C1), Fq.AddUnreduced(C0, C0) * C1);
    }

    public Fq2 Double() => new(C0.Double(), C1.Double());

    public Fq2 Halve() => new(C0.Halve(), C1.Halve());

    public Fq2 Conjugate() => new(C0, -C1);

    /// <summary>Multiplies by ξ = 9 + u: (a + bu)(9 + u) = (9a - b) + (a + 9b)u, using only additions.</summary>
    public Fq2 MulByNonResidue()
    {
        Fq a8 = C0.Double().Double().Double();
        Fq b8 = C1.Double().Double().Double();
        return new Fq2(a8 + C0 - C1, b8 + C1 + C0);
    }

    /// <exception cref="DivideByZeroException">The element is zero.</exception>
    public Fq2 Inverse()
    {
        if (IsZero)
        {
            throw new DivideByZeroException("Zero has no inverse in Fq2.");
        }

        Fq norm = C0.Square() + C1.Square();
        Fq inv = norm.Inverse();
        return new Fq2(C0 * inv, -(C1 * inv));
    }

    /// <summary>x ↦ x^(q^power); the q-power Frobenius on F_q2 is conjugation.</summary>
    public Fq2 FrobeniusMap(int power) => (power & 1) == 0 ? this : Conjugate();

    /// <summary>
    /// Square root for q ≡ 3 (mod 4) (Adj and Rodríguez-Henríquez, "Square root computation over even extension
    /// fields", Algorithm 9). Returns false for non-squares.
    /// </summary>
    public bool TrySqrt(out Fq2 root)
    {
        root = default;
        if (IsZero)
        {
            return true;
        }

        Fq2 a1 = Pow(SqrtConstants.QMinus3Over4);
        Fq2 alpha = a1.Square() * this;
        Fq2 a0 = alpha.FrobeniusMap(1) * alpha;
        Fq2 minusOne = -One;
        if (a0 == minusOne)
        {
            return false;
        }

        Fq2 x0 = a1 * this;
        Fq2 candidate = alpha == minusOne
            ? new Fq2(-x0.C1, x0.C0)
            : (One + alpha).Pow(SqrtConstants.QMinus1Over2) * x0;
        if (candidate.Square() != this)
        {
            return false;
        }

        root = candidate;
        return true;
    }

    /// <summary>Raises to an unsigned integer given as little-endian 64-bit limbs.</summary>
    public Fq2 Pow(ReadOnlySpan<ulong> exponentLimbs)
    {
        Fq2 result = One;
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

    public bool Equals(Fq2 other) => C0 == other.C0 && C1 == other.C1;

    public override bool Equals(object? obj) => obj is Fq2 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public override string ToString() => $"({C0} + {C1}·u)";
}
