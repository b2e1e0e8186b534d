namespace TrustChain.Zk.Bn254;

/// <summary>The optimal-ate pairing e: G1 × G2 → GT ⊂ F_q12* on BN254.</summary>
public static class Pairing
{
    /// <summary>e(P, Q), fully exponentiated.</summary>
    public static Fq12 Pair(in G1Affine p, in G2Affine q) =>
        FinalExponentiation(MillerLoop([p], [new G2Prepared(q)]));

    /// <summary>
    /// True when ∏ e(P_i, Q_i) = 1, with one shared Miller loop accumulator and one final exponentiation.
    /// Pairs with a point at infinity contribute 1. Points are assumed valid (on curve, G2 in the subgroup).
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static bool PairingCheck(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException($"Got {p.Length} G1 points and {q.Length} G2 points.", nameof(q));
        }

        G2Prepared[] prepared = new G2Prepared[q.Length];
        for (int i = 0; i < q.Length; i++)
        {
            prepared[i] = new G2Prepared(q[i]);
        }

        return FinalExponentiation(MillerLoop(p, prepared)).IsOne;
    }

    public static bool PairingCheck(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q) =>
        FinalExponentiation(MillerLoop(p, q)).IsOne;

    /// <summary>∏ f_{6u+2,Q_i}(P_i) · lines for π(Q_i) and −π²(Q_i), before the final exponentiation.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static Fq12 MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q) =>
        MillerLoopCore(p, q, [], []);

    /// <summary>
    /// The Miller loop of the prepared pairs together with one pair (<paramref name="variableP"/>,
    /// <paramref name="variableQ"/>) whose G2 point is used once: its lines are computed as the loop runs instead of
    /// being stored first, which is the shape of a Groth16 verification (the proof's B next to the key's fixed points).
    /// Equal to <see cref="MillerLoop(ReadOnlySpan{G1Affine}, ReadOnlySpan{G2Prepared})"/> with the pair prepared.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static Fq12 MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q, in G1Affine variableP, in G2Affine variableQ) =>
        MillerLoopCore(p, q, new ReadOnlySpan<G1Affine>(in variableP), new ReadOnlySpan<G2Affine>(in variableQ));

    /// <summary>
    /// The Miller loop of the prepared pairs together with several pairs whose G2 points are used once (a batch of
    /// Groth16 proofs' B points): all share the F_q12 squarings, and their lines are computed as the loop runs.
    /// </summary>
    /// <exception cref="ArgumentException">Paired spans differ in length.</exception>
    public static Fq12 MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q, ReadOnlySpan<G1Affine> variableP, ReadOnlySpan<G2Affine> variableQ)
    {
        if (variableP.Length != variableQ.Length)
        {
            throw new ArgumentException($"Got {variableP.Length} G1 points and {variableQ.Length} G2 points.", nameof(variableQ));
        }

        return MillerLoopCore(p, q, variableP, variableQ);
    }

    private static Fq12 MillerLoopCore(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q,
        ReadOnlySpan<G1Affine> variablePoints, ReadOnlySpan<G2Affine> variableQs)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException($"Got {p.Length} G1 points and {q.Length} G2 points.", nameof(q));
        }

        // On-the-fly pairs that contribute 1 are dropped too.
        int variables = 0;
        int n = variablePoints.Length;
        G1Affine[] vp = n == 0 ? [] : new G1Affine[n];
        G2Affine[] vq = n == 0 ? [] : new G2Affine[n];
        for (int i = 0; i < n; i++)
        {
            if (!variablePoints[i].IsInfinity && !variableQs[i].IsInfinity)
            {
                vp[variables] = variablePoints[i];
                vq[variables] = variableQs[i];
                variables++;
            }
        }

        // Skip pairs that contribute 1 so that every remaining pair has a full coefficient list.
        int active = 0;
        Span<G1Affine> ps = p.Length <= MaxStackPairs ? stackalloc G1Affine[p.Length] : new G1Affine[p.Length];
        Fq2[][] coeffs = new Fq2[p.Length][];
        for (int i = 0; i < p.Length; i++)
        {
            if (!p[i].IsInfinity && !q[i].IsInfinity)
            {
                ps[active] = p[i];
                coeffs[active] = q[i].Coefficients;
                active++;
            }
        }

        Fq12 f = Fq12.One;
        if (active == 0 && variables == 0)
        {
            return f;
        }

        // Pairs with normalized lines are evaluated at (x/y, 1/y) of P instead of (x, y); their y values are inverted together.
        Span<bool> normalized = active <= MaxStackPairs ? stackalloc bool[active] : new bool[active];
        Span<Fq> inverseY = active <= MaxStackPairs ? stackalloc Fq[active] : new Fq[active];
        Fq2[][] lines = new Fq2[active][];
        int normalizedCount = PrepareNormalized(p, q, ps[..active], normalized, inverseY, lines);
        Span<Fq> xOverY = active <= MaxStackPairs ? stackalloc Fq[active] : new Fq[active];
        for (int k = 0; k < active && normalizedCount > 0; k++)
        {
            if (normalized[k])
            {
                xOverY[k] = ps[k].X * inverseY[k];
            }
        }

        // State of the on-the-fly pairs: R in homogeneous projective coordinates, as in G2Prepared.
        Fq2[] rx = new Fq2[variables], ry = new Fq2[variables], rz = new Fq2[variables];
        G2Affine[] negQ = new G2Affine[variables];
        for (int v = 0; v < variables; v++)
        {
            rx[v] = vq[v].X;
            ry[v] = vq[v].Y;
            rz[v] = Fq2.One;
            negQ[v] = vq[v].Negate();
        }

        Fq2 d0, d3, d4;
        ReadOnlySpan<sbyte> naf = MillerLoopConstants.Naf;
        int line = 0;
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            if (i != naf.Length - 2)
            {
                f = f.Square();
            }

            for (int k = 0; k < active; k++)
            {
                f = normalized[k] ? EllNormalized(f, lines[k], line, xOverY[k], inverseY[k]) : Ell(f, coeffs[k], line, ps[k]);
            }

            for (int v = 0; v < variables; v++)
            {
                G2Prepared.Double(ref rx[v], ref ry[v], ref rz[v], out d0, out d3, out d4);
                f = f.MulBy034(d0 * vp[v].Y, d3 * vp[v].X, d4);
            }

            line++;
            if (naf[i] != 0)
            {
                for (int k = 0; k < active; k++)
                {
                    f = normalized[k] ? EllNormalized(f, lines[k], line, xOverY[k], inverseY[k]) : Ell(f, coeffs[k], line, ps[k]);
                }

                for (int v = 0; v < variables; v++)
                {
                    G2Prepared.Add(ref rx[v], ref ry[v], ref rz[v], naf[i] > 0 ? vq[v] : negQ[v], out d0, out d3, out d4);
                    f = f.MulBy034(d0 * vp[v].Y, d3 * vp[v].X, d4);
                }

                line++;
            }
        }

        G2Affine[] q1 = new G2Affine[variables], minusQ2 = new G2Affine[variables];
        for (int v = 0; v < variables; v++)
        {
            G2Prepared.FrobeniusPoints(vq[v], out q1[v], out minusQ2[v]);
        }

        for (int step = 0; step < 2; step++)
        {
            for (int k = 0; k < active; k++)
            {
                f = normalized[k] ? EllNormalized(f, lines[k], line, xOverY[k], inverseY[k]) : Ell(f, coeffs[k], line, ps[k]);
            }

            for (int v = 0; v < variables; v++)
            {
                G2Prepared.Add(ref rx[v], ref ry[v], ref rz[v], step == 0 ? q1[v] : minusQ2[v], out d0, out d3, out d4);
                f = f.MulBy034(d0 * vp[v].Y, d3 * vp[v].X, d4);
            }

            line++;
        }

        return f;
    }

    /// <summary>
    /// Raises a Miller-loop value to m·(q^12 − 1)/r with m = 2u(6u² + 3u + 1). The easy part (q^6 − 1)(q^2 + 1) uses
    /// conjugation, one inversion and a Frobenius map; the hard part follows Fuentes-Castañeda, Knapp and
    /// Rodríguez-Henríquez (three exponentiations by u). m is below r and so coprime to it: the result is still a
    /// non-degenerate bilinear pairing, and it is exactly the value libff, ffjavascript and snarkjs produce
    /// (e.g. a verification key's vk_alphabeta_12).
    /// </summary>
    /// <exception cref="DivideByZeroException">f is zero (never the case for a Miller-loop output).</exception>
    public static Fq12 FinalExponentiation(in Fq12 f)
    {
        Fq12 e = f.Conjugate() * f.Inverse();
        e = e.FrobeniusMap(2) * e;

        // Exponents below are relative to e; conjugation inverts in the cyclotomic subgroup.
        Fq12 a = ExpByNegU(e);                          // −u
        Fq12 b = a.CyclotomicSquare();                  // −2u
        Fq12 c = b.CyclotomicSquare();                  // −4u
        Fq12 d = c * b;                                 // −6u
        Fq12 e6u2 = ExpByNegU(d);                       // 6u²
        Fq12 e12u2 = e6u2.CyclotomicSquare();           // 12u²
        Fq12 g = ExpByNegU(e12u2);                      // −12u³
        Fq12 j = g.Conjugate() * e6u2;                  // 12u³ + 6u²
        Fq12 k = j * d.Conjugate();                     // 12u³ + 6u² + 6u
        Fq12 l = k * b;                                 // 12u³ + 6u² + 4u
        Fq12 n = k * e6u2 * e;                          // 12u³ + 12u² + 6u + 1
        Fq12 t = e.Conjugate() * l;                     // 12u³ + 6u² + 4u − 1
        return t.FrobeniusMap(3) * k.FrobeniusMap(2) * l.FrobeniusMap(1) * n;
    }

    private static Fq12 ExpByNegU(in Fq12 x) => x.CyclotomicPow(Bn254Parameters.U).Conjugate();

    private const int MaxStackPairs = 16;

    /// <summary>
    /// Marks the active pairs whose G2 side has normalized lines and whose P has y ≠ 0 (always so for a point of G1;
    /// the check keeps an unvalidated input on the generic path), and fills 1/y for them. Returns how many there are.
    /// </summary>
    private static int PrepareNormalized(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q, ReadOnlySpan<G1Affine> ps,
        Span<bool> normalized, Span<Fq> inverseY, Fq2[][] lines)
    {
        int count = 0;
        int k = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i].IsInfinity || q[i].IsInfinity)
            {
                continue;
            }

            if (q[i].NormalizedCoefficients is { } normalizedLines && !ps[k].Y.IsZero)
            {
                normalized[k] = true;
                lines[k] = normalizedLines;
                inverseY[count++] = ps[k].Y;
            }

            k++;
        }

        if (count == 0)
        {
            return 0;
        }

        Fq.BatchInverse(inverseY[..count]);

        // Spread the packed inverses to their pairs' slots, from the back so that none is overwritten before it is read.
        int next = count - 1;
        for (int j = ps.Length - 1; j >= 0; j--)
        {
            if (normalized[j])
            {
                inverseY[j] = inverseY[next--];
            }
        }

        return count;
    }

    private static Fq12 Ell(in Fq12 f, Fq2[] coeffs, int line, in G1Affine p) =>
        f.MulBy034(coeffs[3 * line] * p.Y, coeffs[3 * line + 1] * p.X, coeffs[3 * line + 2]);

    private static Fq12 EllNormalized(in Fq12 f, Fq2[] lines, int line, in Fq xOverY, in Fq inverseY) =>
        f.MulBy34(lines[2 * line] * xOverY, lines[2 * line + 1] * inverseY);
}
