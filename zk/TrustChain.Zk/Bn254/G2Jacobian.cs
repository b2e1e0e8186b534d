namespace TrustChain.Zk.Bn254;

/// <summary>
/// G2 point (on the twist over F_q2) in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity, so <c>default</c> is infinity.
/// Formulas are the a = 0 ones from the Explicit-Formulas Database (dbl-2009-l, add-2007-bl, madd-2007-bl).
/// </summary>
public readonly struct G2Jacobian : IEquatable<G2Jacobian>
{
    private const int WnafWidth = 5;

    public G2Jacobian(in Fq2 x, in Fq2 y, in Fq2 z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public Fq2 X { get; }

    public Fq2 Y { get; }

    public Fq2 Z { get; }

    public static G2Jacobian Infinity => new(Fq2.One, Fq2.One, Fq2.Zero);

    public static G2Jacobian Generator => G2Affine.Generator.ToJacobian();

    public bool IsInfinity => Z.IsZero;

    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity)
            {
                return true;
            }

            Fq2 z2 = Z.Square();
            Fq2 z6 = z2.Square() * z2;
            return Y.Square() == X.Square() * X + z6 * G2Affine.B;
        }
    }

    public static G2Jacobian operator +(in G2Jacobian a, in G2Jacobian b) => a.Add(b);

    public static G2Jacobian operator +(in G2Jacobian a, in G2Affine b) => a.AddMixed(b);

    public static G2Jacobian operator -(in G2Jacobian a, in G2Jacobian b) => a.Add(b.Negate());

    public static G2Jacobian operator -(in G2Jacobian a) => a.Negate();

    public static bool operator ==(in G2Jacobian a, in G2Jacobian b) => a.Equals(b);

    public static bool operator !=(in G2Jacobian a, in G2Jacobian b) => !a.Equals(b);

    public G2Jacobian Negate() => new(X, -Y, Z);

    public G2Jacobian Double()
    {
        if (IsInfinity || Y.IsZero)
        {
            return Infinity;
        }

        Fq2 a = X.Square();
        Fq2 b = Y.Square();
        Fq2 c = b.Square();
        Fq2 d = ((X + b).Square() - a - c).Double();
        Fq2 e = a.Double() + a;
        Fq2 f = e.Square();
        Fq2 x3 = f - d.Double();
        Fq2 c8 = c.Double().Double().Double();
        Fq2 y3 = e * (d - x3) - c8;
        Fq2 z3 = (Y * Z).Double();
        return new G2Jacobian(x3, y3, z3);
    }

    public G2Jacobian Add(in G2Jacobian other)
    {
        if (IsInfinity)
        {
            return other;
        }

        if (other.IsInfinity)
        {
            return this;
        }

        Fq2 z1z1 = Z.Square();
        Fq2 z2z2 = other.Z.Square();
        Fq2 u1 = X * z2z2;
        Fq2 u2 = other.X * z1z1;
        Fq2 s1 = Y * other.Z * z2z2;
        Fq2 s2 = other.Y * Z * z1z1;
        Fq2 h = u2 - u1;
        Fq2 r = (s2 - s1).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        Fq2 i = h.Double().Square();
        Fq2 j = h * i;
        Fq2 v = u1 * i;
        Fq2 x3 = r.Square() - j - v.Double();
        Fq2 y3 = r * (v - x3) - (s1 * j).Double();
        Fq2 z3 = ((Z + other.Z).Square() - z1z1 - z2z2) * h;
        return new G2Jacobian(x3, y3, z3);
    }

    public G2Jacobian AddMixed(in G2Affine other)
    {
        if (other.IsInfinity)
        {
            return this;
        }

        if (IsInfinity)
        {
            return other.ToJacobian();
        }

        Fq2 z1z1 = Z.Square();
        Fq2 u2 = other.X * z1z1;
        Fq2 s2 = other.Y * Z * z1z1;
        Fq2 h = u2 - X;
        Fq2 r = (s2 - Y).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        Fq2 hh = h.Square();
        Fq2 i = hh.Double().Double();
        Fq2 j = h * i;
        Fq2 v = X * i;
        Fq2 x3 = r.Square() - j - v.Double();
        Fq2 y3 = r * (v - x3) - (Y * j).Double();
        Fq2 z3 = (Z + h).Square() - z1z1 - hh;
        return new G2Jacobian(x3, y3, z3);
    }

    public G2Jacobian Multiply(in Fr scalar)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        scalar.ToCanonicalLimbs(limbs);
        return Multiply(limbs);
    }

    /// <summary>Multiplies by an unsigned integer of any size (little-endian limbs) with a width-5 wNAF.</summary>
    public G2Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs)
    {
        Span<sbyte> digits = stackalloc sbyte[Wnaf.MaxDigits(scalarLimbs.Length)];
        int count = Wnaf.Compute(scalarLimbs, WnafWidth, digits);
        if (count == 0 || IsInfinity)
        {
            return Infinity;
        }

        // Odd multiples P, 3P, ..., 15P.
        G2Jacobian[] table = new G2Jacobian[1 << (WnafWidth - 2)];
        table[0] = this;
        G2Jacobian twice = Double();
        for (int i = 1; i < table.Length; i++)
        {
            table[i] = table[i - 1].Add(twice);
        }

        G2Jacobian acc = Infinity;
        for (int i = count - 1; i >= 0; i--)
        {
            acc = acc.Double();
            int d = digits[i];
            if (d > 0)
            {
                acc = acc.Add(table[d >> 1]);
            }
            else if (d < 0)
            {
                acc = acc.Add(table[(-d) >> 1].Negate());
            }
        }

        return acc;
    }

    /// <summary>
    /// The untwist-Frobenius-twist endomorphism ψ(x, y) = (x̄·ξ^((q−1)/3), ȳ·ξ^((q−1)/2)); on G2 it acts as
    /// multiplication by q.
    /// </summary>
    public G2Jacobian Psi() =>
        new(X.Conjugate() * FrobeniusCoefficients.Gamma(1, 2), Y.Conjugate() * FrobeniusCoefficients.Gamma(1, 3), Z.Conjugate());

    /// <summary>
    /// Membership in the order-r subgroup without a 254-bit multiplication: [r]P = 0 ⇔
    /// [u+1]P + ψ([u]P) + ψ²([u]P) = ψ³([2u]P) for the BN parameter u (El Housni, Guillevic, Piellard, eprint 2022/348).
    /// </summary>
    public bool IsInSubgroup
    {
        get
        {
            if (IsInfinity)
            {
                return true;
            }

            if (!IsOnCurve)
            {
                return false;
            }

            G2Jacobian xp = Multiply([Bn254Parameters.U]);
            G2Jacobian psiXp = xp.Psi();
            G2Jacobian lhs = xp.Add(this).Add(psiXp).Add(psiXp.Psi());
            G2Jacobian rhs = xp.Double().Psi().Psi().Psi();
            return lhs.Equals(rhs);
        }
    }

    public G2Affine ToAffine()
    {
        if (IsInfinity)
        {
            return G2Affine.Infinity;
        }

        Fq2 zInv = Z.Inverse();
        Fq2 zInv2 = zInv.Square();
        return new G2Affine(X * zInv2, Y * zInv2 * zInv);
    }

    /// <summary>Converts many points with a single field inversion; infinities map to <see cref="G2Affine.Infinity"/>.</summary>
    public static void BatchNormalize(ReadOnlySpan<G2Jacobian> points, Span<G2Affine> destination)
    {
        if (destination.Length < points.Length)
        {
            throw new ArgumentException("Destination is shorter than the input.", nameof(destination));
        }

        Fq2[] prefix = new Fq2[points.Length];
        Fq2 acc = Fq2.One;
        for (int i = 0; i < points.Length; i++)
        {
            prefix[i] = acc;
            if (!points[i].IsInfinity)
            {
                acc *= points[i].Z;
            }
        }

        Fq2 inv = acc.Inverse();
        for (int i = points.Length - 1; i >= 0; i--)
        {
            if (points[i].IsInfinity)
            {
                destination[i] = G2Affine.Infinity;
                continue;
            }

            Fq2 zInv = inv * prefix[i];
            inv *= points[i].Z;
            Fq2 zInv2 = zInv.Square();
            destination[i] = new G2Affine(points[i].X * zInv2, points[i].Y * zInv2 * zInv);
        }
    }

    /// <summary>Equality of the represented points, independent of the chosen Z.</summary>
    public bool Equals(G2Jacobian other)
    {
        if (IsInfinity || other.IsInfinity)
        {
            return IsInfinity && other.IsInfinity;
        }

        Fq2 z1z1 = Z.Square();
        Fq2 z2z2 = other.Z.Square();
        return X * z2z2 == other.X * z1z1 && Y * z2z2 * other.Z == other.Y * z1z1 * Z;
    }

    public override bool Equals(object? obj) => obj is G2Jacobian other && Equals(other);

    public override int GetHashCode() => ToAffine().GetHashCode();

    public override string ToString() => ToAffine().ToString();
}
