namespace TrustChain.Zk.Bn254;

/// <summary>
/// The Miller-loop line coefficients of a fixed G2 point. They depend only on Q, so a verifier with a fixed key
/// (Groth16 β, γ, δ) prepares them once and reuses them for every proof.
/// </summary>
/// <remarks>
/// R is kept in homogeneous projective coordinates and each step yields a line d0 + (d3 + d4·v)·w whose d0 and d3
/// are later scaled by P's y and x (Costello–Lange–Naehrig / Aranha et al. formulas for the D-type twist). The line
/// is off by an F_q2 factor, which the final exponentiation removes.
/// A key's fixed points may also keep every line divided by its d0 (<see cref="NormalizedCoefficients"/>): the
/// line at P becomes 1 + (d3/d0)(x/y)·w + (d4/d0)(1/y)·vw after dividing by d0·y (an F_q2 factor as well), and
/// multiplying by a line whose constant term is 1 takes 10 instead of 13 F_q2 multiplications.
/// </remarks>
public sealed class G2Prepared
{
    public G2Prepared(in G2Affine q)
        : this(q, normalizeLines: false)
    {
    }

    /// <param name="q">The fixed point.</param>
    /// <param name="normalizeLines">Also keep the lines divided by d0 (one batched inversion, done once per key).</param>
    internal G2Prepared(in G2Affine q, bool normalizeLines)
    {
        Point = q;
        if (q.IsInfinity)
        {
            Coefficients = [];
            return;
        }

        List<Fq2> coeffs = new(3 * 110);
        Fq2 rx = q.X, ry = q.Y, rz = Fq2.One;
        G2Affine negQ = q.Negate();
        ReadOnlySpan<sbyte> naf = MillerLoopConstants.Naf;
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            DoublingStep(ref rx, ref ry, ref rz, coeffs);
            if (naf[i] == 1)
            {
                AdditionStep(ref rx, ref ry, ref rz, q, coeffs);
            }
            else if (naf[i] == -1)
            {
                AdditionStep(ref rx, ref ry, ref rz, negQ, coeffs);
            }
        }

        FrobeniusPoints(q, out G2Affine q1, out G2Affine minusQ2);
        AdditionStep(ref rx, ref ry, ref rz, q1, coeffs);
        AdditionStep(ref rx, ref ry, ref rz, minusQ2, coeffs);
        Coefficients = [.. coeffs];
        if (normalizeLines)
        {
            NormalizedCoefficients = Normalize(Coefficients);
        }
    }

    public G2Affine Point { get; }

    public bool IsInfinity => Coefficients.Length == 0;

    /// <summary>Line coefficients as consecutive (d0, d3, d4) triples, in loop order.</summary>
    internal Fq2[] Coefficients { get; }

    /// <summary>
    /// The same lines as (d3/d0, d4/d0) pairs, or null when not requested or when some d0 is zero (only possible for a
    /// point outside the order-r subgroup).
    /// </summary>
    internal Fq2[]? NormalizedCoefficients { get; }

    private static Fq2[]? Normalize(Fq2[] coeffs)
    {
        int lines = coeffs.Length / 3;

        // 1/d0 = conj(d0) / N(d0), with all norms N(d0) ∈ F_q inverted together.
        Fq[] norms = new Fq[lines];
        for (int l = 0; l < lines; l++)
        {
            Fq2 d0 = coeffs[3 * l];
            if (d0.IsZero)
            {
                return null;
            }

            norms[l] = d0.C0 * d0.C0 + d0.C1 * d0.C1;
        }

        Fq.BatchInverse(norms);
        Fq2[] normalized = new Fq2[2 * lines];
        for (int l = 0; l < lines; l++)
        {
            Fq2 inverse = coeffs[3 * l].Conjugate() * norms[l];
            normalized[2 * l] = coeffs[3 * l + 1] * inverse;
            normalized[2 * l + 1] = coeffs[3 * l + 2] * inverse;
        }

        return normalized;
    }

    private static void DoublingStep(ref Fq2 x, ref Fq2 y, ref Fq2 z, List<Fq2> coeffs)
    {
        Double(ref x, ref y, ref z, out Fq2 d0, out Fq2 d3, out Fq2 d4);
        coeffs.Add(d0);
        coeffs.Add(d3);
        coeffs.Add(d4);
    }

    private static void AdditionStep(ref Fq2 x, ref Fq2 y, ref Fq2 z, in G2Affine q, List<Fq2> coeffs)
    {
        Add(ref x, ref y, ref z, q, out Fq2 d0, out Fq2 d3, out Fq2 d4);
        coeffs.Add(d0);
        coeffs.Add(d3);
        coeffs.Add(d4);
    }

    /// <summary>R ← 2R and the tangent line at R as (d0, d3, d4); shared with the Miller loop's on-the-fly lines.</summary>
    internal static void Double(ref Fq2 x, ref Fq2 y, ref Fq2 z, out Fq2 d0, out Fq2 d3, out Fq2 d4)
    {
        Fq2 a = (x * y).Halve();
        Fq2 b = y.Square();
        Fq2 c = z.Square();
        Fq2 e = (c.Double() + c) * G2Affine.B;
        Fq2 f = e.Double() + e;
        Fq2 g = (b + f).Halve();
        Fq2 h = (y + z).Square() - (b + c);
        Fq2 i = e - b;
        Fq2 j = x.Square();
        Fq2 e2 = e.Square();
        x = a * (b - f);
        y = g.Square() - (e2.Double() + e2);
        z = b * h;
        d0 = -h;
        d3 = j.Double() + j;
        d4 = i;
    }

    /// <summary>R ← R + Q and the line through R and Q as (d0, d3, d4).</summary>
    internal static void Add(ref Fq2 x, ref Fq2 y, ref Fq2 z, in G2Affine q, out Fq2 d0, out Fq2 d3, out Fq2 d4)
    {
        Fq2 theta = y - q.Y * z;
        Fq2 lambda = x - q.X * z;
        Fq2 c = theta.Square();
        Fq2 d = lambda.Square();
        Fq2 e = lambda * d;
        Fq2 f = z * c;
        Fq2 g = x * d;
        Fq2 h = e + f - g.Double();
        Fq2 yOld = y;
        x = lambda * h;
        y = theta * (g - h) - e * yOld;
        z *= e;
        d0 = lambda;
        d3 = -theta;
        d4 = theta * q.X - lambda * q.Y;
    }

    /// <summary>π(Q) and −π²(Q), the points of the loop's two closing additions.</summary>
    internal static void FrobeniusPoints(in G2Affine q, out G2Affine q1, out G2Affine minusQ2)
    {
        q1 = new(q.X.Conjugate() * FrobeniusCoefficients.Gamma(1, 2), q.Y.Conjugate() * FrobeniusCoefficients.Gamma(1, 3));
        minusQ2 = new(q.X * FrobeniusCoefficients.Gamma(2, 2), -(q.Y * FrobeniusCoefficients.Gamma(2, 3)));
    }
}
