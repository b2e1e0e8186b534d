using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Setup;

/// <summary>
/// snarkjs <c>zkey new</c>'s computation: per signal s, A_s = Σ a_cs·L_c(τ)G1, B1/B2 likewise with b, and
/// IC_s / C_s = Σ (a_cs·β + b_cs·α + c_cs)·L_c(τ)G1, plus the rows nConstraints + s that tie each public signal to A;
/// H = the odd Lagrange points of the doubled domain; coefficients in r1cs order; the circuit hash over the same
/// byte strings snarkjs hashes.
/// </summary>
internal static class Phase2KeyBuilder
{
    private const int MsmThreshold = 16;

    public static Phase2Zkey Build(R1csFile r1cs, PreparedPtau tau)
    {
        int nVars = r1cs.WireCount;
        int nPublic = r1cs.PublicCount;
        int nConstraints = r1cs.Constraints.Length;
        int n = tau.DomainSize;

        List<(int Row, Fr Coef)>[] aTerms = NewLists(nVars);
        List<(int Row, Fr Coef)>[] bTerms = NewLists(nVars);
        List<(int Row, Fr Coef)>[] cTerms = NewLists(nVars);
        List<ZkeyCoefficient> coefficients = [];
        for (int c = 0; c < nConstraints; c++)
        {
            R1csConstraint constraint = r1cs.Constraints[c];
            foreach (R1csTerm t in constraint.A)
            {
                aTerms[t.Wire].Add((c, t.Coefficient));
                coefficients.Add(new ZkeyCoefficient(0, c, t.Wire, t.Coefficient));
            }

            foreach (R1csTerm t in constraint.B)
            {
                bTerms[t.Wire].Add((c, t.Coefficient));
                coefficients.Add(new ZkeyCoefficient(1, c, t.Wire, t.Coefficient));
            }

            foreach (R1csTerm t in constraint.C)
            {
                cTerms[t.Wire].Add((c, t.Coefficient));
            }
        }

        for (int s = 0; s <= nPublic; s++)
        {
            aTerms[s].Add((nConstraints + s, Fr.One));
            coefficients.Add(new ZkeyCoefficient(0, nConstraints + s, s, Fr.One));
        }

        G1Jacobian[] a = new G1Jacobian[nVars];
        G1Jacobian[] b1 = new G1Jacobian[nVars];
        G2Jacobian[] b2 = new G2Jacobian[nVars];
        G1Jacobian[] icc = new G1Jacobian[nVars];
        Parallel.For(0, nVars, s =>
        {
            a[s] = Combine(tau.LagrangeG1, aTerms[s]);
            b1[s] = Combine(tau.LagrangeG1, bTerms[s]);
            b2[s] = Combine(tau.LagrangeG2, bTerms[s]);
            icc[s] = Combine(tau.LagrangeBetaG1, aTerms[s])
                .Add(Combine(tau.LagrangeAlphaG1, bTerms[s]))
                .Add(Combine(tau.LagrangeG1, cTerms[s]));
        });

        G1Affine[] aAffine = Normalize(a);
        G1Affine[] b1Affine = Normalize(b1);
        G2Affine[] b2Affine = new G2Affine[nVars];
        G2Jacobian.BatchNormalize(b2, b2Affine);
        G1Affine[] iccAffine = Normalize(icc);
        G1Affine[] ic = iccAffine[..(nPublic + 1)];
        G1Affine[] cPoints = iccAffine[(nPublic + 1)..];

        G1Affine[] h = new G1Affine[n];
        for (int i = 0; i < n; i++)
        {
            h[i] = tau.LagrangeG1Double[2 * i + 1];
        }

        byte[] csHash = CircuitHash(tau, ic, aAffine, b1Affine, b2Affine, cPoints);
        return new Phase2Zkey(
            nVars, nPublic, n, tau.Alpha1, tau.Beta1, tau.Beta2, G2Affine.Generator, G1Affine.Generator, G2Affine.Generator,
            ic, [.. coefficients], aAffine, b1Affine, b2Affine, cPoints, h, csHash, []);
    }

    private static byte[] CircuitHash(PreparedPtau tau, G1Affine[] ic, G1Affine[] a, G1Affine[] b1, G2Affine[] b2, G1Affine[] c)
    {
        Blake2b512 h = new();
        HashG1(h, [tau.Alpha1, tau.Beta1]);
        HashG2(h, [tau.Beta2, G2Affine.Generator]);
        HashG1(h, [G1Affine.Generator]);
        HashG2(h, [G2Affine.Generator]);

        Phase2Setup.HashU32(h, (uint)ic.Length);
        HashG1(h, ic);

        int n = tau.DomainSize;
        int hashed = Phase2Setup.HashedHPointCount(n);
        if (n + hashed > tau.TauG1.Length)
        {
            throw new ZkFormatException($"The Powers of Tau is too small to hash {hashed} H points for a domain of {n}.");
        }

        Phase2Setup.HashU32(h, (uint)(n - 1));
        G1Jacobian[] differences = new G1Jacobian[hashed];
        for (int i = 0; i < hashed; i++)
        {
            differences[i] = tau.TauG1[i + n].ToJacobian().Add(tau.TauG1[i].Negate().ToJacobian());
        }

        G1Affine[] hPoints = new G1Affine[hashed];
        G1Jacobian.BatchNormalize(differences, hPoints);
        HashG1(h, hPoints);

        Phase2Setup.HashU32(h, (uint)c.Length);
        HashG1(h, c);
        Phase2Setup.HashU32(h, (uint)a.Length);
        HashG1(h, a);
        Phase2Setup.HashU32(h, (uint)b1.Length);
        HashG1(h, b1);
        Phase2Setup.HashU32(h, (uint)b2.Length);
        HashG2(h, b2);
        return h.Digest();
    }

    private static void HashG1(Blake2b512 h, ReadOnlySpan<G1Affine> points)
    {
        Span<byte> b = stackalloc byte[PointEncoding.G1Size];
        foreach (G1Affine p in points)
        {
            PointEncoding.WriteG1Uncompressed(b, p, false);
            h.Update(b);
        }
    }

    private static void HashG2(Blake2b512 h, ReadOnlySpan<G2Affine> points)
    {
        Span<byte> b = stackalloc byte[PointEncoding.G2Size];
        foreach (G2Affine p in points)
        {
            PointEncoding.WriteG2Uncompressed(b, p, false);
            h.Update(b);
        }
    }

    private static List<(int Row, Fr Coef)>[] NewLists(int count)
    {
        List<(int Row, Fr Coef)>[] lists = new List<(int Row, Fr Coef)>[count];
        for (int i = 0; i < count; i++)
        {
            lists[i] = [];
        }

        return lists;
    }

    private static G1Jacobian Combine(G1Affine[] basis, List<(int Row, Fr Coef)> terms)
    {
        if (terms.Count >= MsmThreshold)
        {
            G1Affine[] points = new G1Affine[terms.Count];
            Fr[] scalars = new Fr[terms.Count];
            for (int i = 0; i < terms.Count; i++)
            {
                points[i] = basis[terms[i].Row];
                scalars[i] = terms[i].Coef;
            }

            return Msm.Compute(points, scalars);
        }

        G1Jacobian sum = G1Jacobian.Infinity;
        Fr minusOne = -Fr.One;
        foreach ((int row, Fr coef) in terms)
        {
            if (coef.IsOne)
            {
                sum = sum.AddMixed(basis[row]);
            }
            else if (coef == minusOne)
            {
                sum = sum.AddMixed(basis[row].Negate());
            }
            else if (!coef.IsZero)
            {
                sum = sum.Add(basis[row].Multiply(coef));
            }
        }

        return sum;
    }

    private static G2Jacobian Combine(G2Affine[] basis, List<(int Row, Fr Coef)> terms)
    {
        if (terms.Count >= MsmThreshold)
        {
            G2Affine[] points = new G2Affine[terms.Count];
            Fr[] scalars = new Fr[terms.Count];
            for (int i = 0; i < terms.Count; i++)
            {
                points[i] = basis[terms[i].Row];
                scalars[i] = terms[i].Coef;
            }

            return Msm.Compute(points, scalars);
        }

        G2Jacobian sum = G2Jacobian.Infinity;
        Fr minusOne = -Fr.One;
        foreach ((int row, Fr coef) in terms)
        {
            if (coef.IsOne)
            {
                sum = sum.AddMixed(basis[row]);
            }
            else if (coef == minusOne)
            {
                sum = sum.AddMixed(basis[row].Negate());
            }
            else if (!coef.IsZero)
            {
                sum = sum.Add(basis[row].Multiply(coef));
            }
        }

        return sum;
    }

    private static G1Affine[] Normalize(G1Jacobian[] points)
    {
        G1Affine[] result = new G1Affine[points.Length];
        G1Jacobian.BatchNormalize(points, result);
        return result;
    }
}
