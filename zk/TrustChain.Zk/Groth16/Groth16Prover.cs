using System.Security.Cryptography;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Groth16;

/// <summary>Groth16 proving from a snarkjs .zkey and a full witness, the same computation as snarkjs and rapidsnark.</summary>
public static class Groth16Prover
{
    /// <summary>
    /// Proves with fresh blinding r, s (from <paramref name="rng"/>, or the system CSPRNG when null). The public signals
    /// are witness[1 … nPublic].
    /// </summary>
    /// <exception cref="ArgumentException">The witness length differs from the zkey's nVars or witness[0] ≠ 1.</exception>
    public static (Groth16Proof Proof, Fr[] PublicSignals) Prove(ZkeyFile zkey, Fr[] witness, RandomNumberGenerator? rng = null)
    {
        ArgumentNullException.ThrowIfNull(zkey);
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.Length != zkey.VariableCount)
        {
            throw new ArgumentException($"The zkey has {zkey.VariableCount} signals but the witness has {witness.Length}.", nameof(witness));
        }

        if (!witness[0].IsOne)
        {
            throw new ArgumentException("Witness 0 must be the constant 1.", nameof(witness));
        }

        G1Jacobian a = G1Jacobian.Infinity, b1 = G1Jacobian.Infinity, c = G1Jacobian.Infinity, hSum = G1Jacobian.Infinity;
        G2Jacobian b2 = G2Jacobian.Infinity;
        ReadOnlyMemory<Fr> privateWitness = witness.AsMemory(zkey.PublicCount + 1);
        // The witness MSMs do not need h, so they fill the cores that the serial parts of ComputeH and its three
        // NTT pairs (on two cores) leave idle. Every MSM sums into its own slot, so the result does not depend on
        // the schedule.
        Parallel.Invoke(
            () => hSum = Msm.Compute(zkey.H, ComputeH(zkey, witness)),
            () => a = Msm.Compute(zkey.A, witness),
            () => b1 = Msm.Compute(zkey.B1, witness),
            () => b2 = Msm.Compute(zkey.B2, witness),
            () => c = Msm.Compute(zkey.C, privateWitness.Span));

        Fr r = rng is null ? Fr.FromRandom() : Fr.FromRandom(rng);
        Fr s = rng is null ? Fr.FromRandom() : Fr.FromRandom(rng);

        G1Jacobian delta1 = zkey.Delta1.ToJacobian();
        G1Jacobian piA = a.AddMixed(zkey.Alpha1).Add(delta1.Multiply(r));
        G2Jacobian piB = b2.AddMixed(zkey.Beta2).Add(zkey.Delta2.Multiply(s));
        G1Jacobian piB1 = b1.AddMixed(zkey.Beta1).Add(delta1.Multiply(s));
        G1Jacobian piC = c.Add(hSum)
            .Add(piA.Multiply(s))
            .Add(piB1.Multiply(r))
            .Add(delta1.Multiply(-(r * s)));

        Fr[] publicSignals = witness.AsSpan(1, zkey.PublicCount).ToArray();
        return (new Groth16Proof(piA.ToAffine(), piB.ToAffine(), piC.ToAffine()), publicSignals);
    }

    /// <summary>
    /// The quotient's evaluations on the coset ω_{2n}·⟨ω_n⟩ that snarkjs's H points are built for: A·w and B·w on
    /// the domain, C = A∘B (the zkey stores only A and B), each interpolated and re-evaluated on the coset, then a·b − c.
    /// </summary>
    private static Fr[] ComputeH(ZkeyFile zkey, Fr[] witness)
    {
        int n = zkey.DomainSize;
        Fr[] a = new Fr[n];
        Fr[] b = new Fr[n];
        foreach (ZkeyCoefficient coef in zkey.Coefficients)
        {
            Fr term = coef.Value * witness[coef.Signal];
            if (coef.Matrix == 0)
            {
                a[coef.Constraint] += term;
            }
            else
            {
                b[coef.Constraint] += term;
            }
        }

        Fr[] c = new Fr[n];
        for (int i = 0; i < n; i++)
        {
            c[i] = a[i] * b[i];
        }

        Fr shift = Ntt.RootOfUnity(zkey.DomainPower + 1);
        Parallel.Invoke(() => ToCoset(a, shift), () => ToCoset(b, shift), () => ToCoset(c, shift));
        for (int i = 0; i < n; i++)
        {
            a[i] = a[i] * b[i] - c[i];
        }

        return a;
    }

    private static void ToCoset(Fr[] values, Fr shift)
    {
        Ntt.Inverse(values);
        Ntt.ForwardCoset(values, shift);
    }
}
