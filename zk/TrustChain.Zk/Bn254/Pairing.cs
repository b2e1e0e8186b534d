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
    public static Fq12 MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Prepared> q)
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
        if (active == 0)
        {
            return f;
        }

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

            idx += 3;
            if (naf[i] != 0)
            {
                for (int k = 0; k < active; k++)
                {
                    f = Ell(f, coeffs[k], idx, ps[k]);
                }

                idx += 3;
            }
        }

        for (int step = 0; step < 2; step++)
        {
            for (int k = 0; k < active; k++)
            {
                f = Ell(f, coeffs[k], idx, ps[k]);
            }

            idx += 3;
        }

        return f;
    }

    /// <summary>
    /// f^((q^12 − 1)/r): the easy part (q^6 − 1)(q^2 + 1) by conjugation, inversion and Frobenius, then the hard
    /// part (q^4 − q^2 + 1)/r with the Scott et al. addition chain in u (three exponentiations by u), which gives the
    /// exact reduced pairing, not a power of it.
    /// </summary>
    /// <exception cref="DivideByZeroException">f is zero (never the case for a Miller-loop output).</exception>
    public static Fq12 FinalExponentiation(in Fq12 f)
    {
        Fq12 t1 = f.Conjugate() * f.Inverse();
        t1 = t1.FrobeniusMap(2) * t1;

        Fq12 fp = t1.FrobeniusMap(1);
        Fq12 fp2 = t1.FrobeniusMap(2);
        Fq12 fp3 = fp2.FrobeniusMap(1);

        Fq12 fu = t1.CyclotomicPow(Bn254Parameters.U);
        Fq12 fu2 = fu.CyclotomicPow(Bn254Parameters.U);
        Fq12 fu3 = fu2.CyclotomicPow(Bn254Parameters.U);

        Fq12 y3 = fu.FrobeniusMap(1).Conjugate();
        Fq12 fu2p = fu2.FrobeniusMap(1);
        Fq12 fu3p = fu3.FrobeniusMap(1);
        Fq12 y2 = fu2.FrobeniusMap(2);

        Fq12 y0 = fp * fp2 * fp3;
        Fq12 y1 = t1.Conjugate();
        Fq12 y5 = fu2.Conjugate();
        Fq12 y4 = (fu * fu2p).Conjugate();
        Fq12 y6 = (fu3 * fu3p).Conjugate();

        Fq12 t0 = y6.CyclotomicSquare() * y4 * y5;
        Fq12 acc = y3 * y5 * t0;
        t0 *= y2;
        acc = (acc.CyclotomicSquare() * t0).CyclotomicSquare();
        t0 = acc * y1;
        acc *= y0;
        return t0.CyclotomicSquare() * acc;
    }

    private static Fq12 Ell(in Fq12 f, Fq2[] coeffs, int idx, in G1Affine p) =>
        f.MulBy034(coeffs[idx] * p.Y, coeffs[idx + 1] * p.X, coeffs[idx + 2]);
}
