namespace TrustChain.Zk.Bn254;

/// <summary>
/// G1 point in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity, so <c>default</c> is infinity.
/// Formulas are the a = 0 ones from the Explicit-Formulas Database (dbl-2009-l, add-2007-bl, madd-2007-bl).
/// </summary>
public readonly struct G1Jacobian : IEquatable<G1Jacobian>
{
    private const int WnafWidth = 5;

    public G1Jacobian(in Fq x, in Fq y, in Fq z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public Fq X { get; }

    public Fq Y { get; }

    public Fq Z { get; }

    public static G1Jacobian Infinity => new(Fq.One, Fq.One, Fq.Zero);

    public static G1Jacobian Generator => G1Affine.Generator.ToJacobian();

    public bool IsInfinity => Z.IsZero;

    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity)
            {
                return true;
            }

            Fq z2 = Z.Square();
            Fq z6 = z2.Square() * z2;
            return Y.Square() == X.Square() * X + z6 * G1Affine.B;
        }
    }

    public static G1Jacobian operator +(in G1Jacobian a, in G1Jacobian b) => a.Add(b);

    public static G1Jacobian operator +(in G1Jacobian a, in G1Affine b) => a.AddMixed(b);

    public static G1Jacobian operator -(in G1Jacobian a, in G1Jacobian b) => a.Add(b.Negate());

    public static G1Jacobian operator -(in G1Jacobian a) => a.Negate();

    public static bool operator ==(in G1Jacobian a, in G1Jacobian b) => a.Equals(b);

    public static bool operator !=(in G1Jacobian a, in G1Jacobian b) => !a.Equals(b);

    public G1Jacobian Negate() => new(X, -Y, Z);

    public G1Jacobian Double()
    {
        if (IsInfinity || Y.IsZero)
        {
            return Infinity;
        }

        Fq a = X.Square();
        Fq b = Y.Square();
        Fq c = b.Square();
        Fq d = ((X + b).Square() - a - c).Double();
        Fq e = a.Double() + a;
        Fq f = e.Square();
        Fq x3 = f - d.Double();
        Fq c8 = c.Double().Double().Double();
        Fq y3 = e * (d - x3) - c8;
        Fq z3 = (Y * Z).Double();
        return new G1Jacobian(x3, y3, z3);
    }

    public G1Jacobian Add(in G1Jacobian other)
    {
        if (IsInfinity)
        {
            return other;
        }

        if (other.IsInfinity)
        {
            return this;
        }

        Fq z1z1 = Z.Square();
        Fq z2z2 = other.Z.Square();
        Fq u1 = X * z2z2;
        Fq u2 = other.X * z1z1;
        Fq s1 = Y * other.Z * z2z2;
        Fq s2 = other.Y * Z * z1z1;
        Fq h = u2 - u1;
        Fq r = (s2 - s1).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        Fq i = h.Double().Square();
        Fq j = h * i;
        Fq v = u1 * i;
        Fq x3 = r.Square() - j - v.Double();
        Fq y3 = r * (v - x3) - (s1 * j).Double();
        Fq z3 = ((Z + other.Z).Square() - z1z1 - z2z2) * h;
        return new G1Jacobian(x3, y3, z3);
    }

    public G1Jacobian AddMixed(in G1Affine other)
    {
        if (other.IsInfinity)
        {
            return this;
        }

        if (IsInfinity)
        {
            return other.ToJacobian();
        }

        Fq z1z1 = Z.Square();
        Fq u2 = other.X * z1z1;
        Fq s2 = other.Y * Z * z1z1;
        Fq h = u2 - X;
        Fq r = (s2 - Y).Double();
        if (h.IsZero)
        {
            return r.IsZero ? Double() : Infinity;
        }

        Fq hh = h.Square();
        Fq i = hh.Double().Double();
        Fq j = h * i;
        Fq v = X * i;
        Fq x3 = r.Square() - j - v.Double();
        Fq y3 = r * (v - x3) - (Y * j).Double();
        Fq z3 = (Z + h).Square() - z1z1 - hh;
        return new G1Jacobian(x3, y3, z3);
    }

    public G1Jacobian Multiply(in Fr scalar)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        scalar.ToCanonicalLimbs(limbs);
        return Multiply(limbs);
    }

    /// <summary>Multiplies by an unsigned integer of any size (little-endian limbs) with a width-5 wNAF.</summary>
    public G1Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs)
    {
        Span<sbyte> digits = stackalloc sbyte[Wnaf.MaxDigits(scalarLimbs.Length)];
        int count = Wnaf.Compute(scalarLimbs, WnafWidth, digits);
        if (count == 0 || IsInfinity)
        {
            return Infinity;
        }

        // Odd multiples P, 3P, ..., 15P.
        G1Jacobian[] table = new G1Jacobian[1 << (WnafWidth - 2)];
        table[0] = this;
        G1Jacobian twice = Double();
        for (int i = 1; i < table.Length; i++)
        {
            table[i] = table[i - 1].Add(twice);
        }

        G1Jacobian acc = Infinity;
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

    public G1Affine ToAffine()
    {
        if (IsInfinity)
        {
            return G1Affine.Infinity;
        }

        Fq zInv = Z.Inverse();
        Fq zInv2 = zInv.Square();
        return new G1Affine(X * zInv2, Y * zInv2 * zInv);
    }

    /// <summary>Converts many points with a single field inversion; infinities map to <see cref="G1Affine.Infinity"/>.</summary>
    public static void BatchNormalize(ReadOnlySpan<G1Jacobian> points, Span<G1Affine> destination)
    {
        if (destination.Length < points.Length)
        {
            throw new ArgumentException("Destination is shorter than the input.", nameof(destination));
        }

        Fq[] prefix = new Fq[points.Length];
        Fq acc = Fq.One;
        for (int i = 0; i < points.Length; i++)
        {
            prefix[i] = acc;
            if (!points[i].IsInfinity)
            {
                acc *= points[i].Z;
            }
        }

        Fq inv = acc.Inverse();
        for (int i = points.Length - 1; i >= 0; i--)
        {
            if (points[i].IsInfinity)
            {
                destination[i] = G1Affine.Infinity;
                continue;
            }

            Fq zInv = inv * prefix[i];
            inv *= points[i].Z;
            Fq zInv2 = zInv.Square();
            destination[i] = new G1Affine(points[i].X * zInv2, points[i].Y * zInv2 * zInv);
        }
    }

    /// <summary>Equality of the represented points, independent of the chosen Z.</summary>
    public bool Equals(G1Jacobian other)
    {
        if (IsInfinity || other.IsInfinity)
        {
            return IsInfinity && other.IsInfinity;
        }

        Fq z1z1 = Z.Square();
        Fq z2z2 = other.Z.Square();
        return X * z2z2 == other.X * z1z1 && Y * z2z2 * other.Z == other.Y * z1z1 * Z;
    }

    public override bool Equals(object? obj) => obj is G1Jacobian other && Equals(other);

    public override int GetHashCode() => ToAffine().GetHashCode();

    public override string ToString() => ToAffine().ToString();
}
