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
        MillerLoopCore(p, q, default, default, hasVariable: false);

    /// <summary>
    /// The Miller loop of the prepared pairs together with one pair (<paramref name="variableP"/>,
    /// <paramref name="variableQ"/>) whose G2 point is used once: its lines are computed as the loop runs instead of
    /// being stored first, which is the shape of a Groth16 verification (the proof's B next to the key's fixed points).
    /// Equal to <see cref="MillerLoop(ReadOnlySpan{G1Affine}, ReadOnlySpan{G2Prepared})"/> with the pair prepared.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static Fq12 MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q, in G1Affine variableP, in G2Affine variableQ) =>
        MillerLoopCore(p, q, variableP, variableQ, hasVariable: !variableP.IsInfinity && !variableQ.IsInfinity);

    private static Fq12 MillerLoopCore(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q,
        in G1Affine variableP, in G2Affine variableQ, bool hasVariable)
    {
        if (p.Length != q.Length)
        {
            throw new ArgumentException($"Got {p.Length} G1 points and {q.Length} G2 points.", nameof(q));
        }

        // Skip pairs that contribute 1 so that every remaining pair has a full coefficient list.
        int active = 0;
        G1Affine[] ps = new G1Affine[p.Length];
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
        if (active == 0 && !hasVariable)
        {
            return f;
        }

        // State of the on-the-fly pair: R in homogeneous projective coordinates, as in G2Prepared.
        Fq2 rx = variableQ.X, ry = variableQ.Y, rz = Fq2.One;
        G2Affine negQ = hasVariable ? variableQ.Negate() : default;
        Fq2 d0, d3, d4;

        ReadOnlySpan<sbyte> naf = MillerLoopConstants.Naf;
        int idx = 0;
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            if (i != naf.Length - 2)
            {
                f = f.Square();
            }

            for (int k = 0; k < active; k++)
            {
                f = Ell(f, coeffs[k], idx, ps[k]);
            }

            if (hasVariable)
            {
                G2Prepared.Double(ref rx, ref ry, ref rz, out d0, out d3, out d4);
                f = f.MulBy034(d0 * variableP.Y, d3 * variableP.X, d4);
            }

            idx += 3;
            if (naf[i] != 0)
            {
                for (int k = 0; k < active; k++)
                {
                    f = Ell(f, coeffs[k], idx, ps[k]);
                }

                if (hasVariable)
                {
                    G2Prepared.Add(ref rx, ref ry, ref rz, naf[i] > 0 ? variableQ : negQ, out d0, out d3, out d4);
                    f = f.MulBy034(d0 * variableP.Y, d3 * variableP.X, d4);
                }

                idx += 3;
            }
        }

        G2Affine q1 = default, minusQ2 = default;
        if (hasVariable)
        {
            G2Prepared.FrobeniusPoints(variableQ, out q1, out minusQ2);
        }

        for (int step = 0; step < 2; step++)
        {
            for (int k = 0; k < active; k++)
            {
                f = Ell(f, coeffs[k], idx, ps[k]);
            }

            if (hasVariable)
            {
                G2Prepared.Add(ref rx, ref ry, ref rz, step == 0 ? q1 : minusQ2, out d0, out d3, out d4);
                f = f.MulBy034(d0 * variableP.Y, d3 * variableP.X, d4);
            }

            idx += 3;
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

    private static Fq12 Ell(in Fq12 f, Fq2[] coeffs, int idx, in G1Affine p) =>
        f.MulBy034(coeffs[idx] * p.Y, coeffs[idx + 1] * p.X, coeffs[idx + 2]);
}
