using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;
using G1Pippenger = TrustChain.Zk.Bn254.Pippenger<TrustChain.Zk.Bn254.G1Curve, TrustChain.Zk.Bn254.G1Affine, TrustChain.Zk.Bn254.G1Jacobian, TrustChain.Zk.Bn254.Fq>;
using G2Pippenger = TrustChain.Zk.Bn254.Pippenger<TrustChain.Zk.Bn254.G2Curve, TrustChain.Zk.Bn254.G2Affine, TrustChain.Zk.Bn254.G2Jacobian, TrustChain.Zk.Bn254.Fq2>;

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

        ReadOnlyMemory<Fr> privateWitness = witness.AsMemory(zkey.PublicCount + 1);
        G1Pippenger? hMsm = null, aMsm = null, b1Msm = null, cMsm = null;
        G2Pippenger? b2Msm = null;
        // Scalar preparation (serial per MSM) beside the quotient's coefficients and NTTs.
        Parallel.Invoke(
            () => hMsm = Msm.Prepare(zkey.H, QuotientEvaluations(zkey, witness)),
            () => aMsm = Msm.Prepare(zkey.A, witness),
            () => b1Msm = Msm.Prepare(zkey.B1, witness),
            () => b2Msm = Msm.Prepare(zkey.B2, witness),
            () => cMsm = Msm.Prepare(zkey.C, privateWitness.Span));

        // Every window group of the five MSMs in one flat loop: five MSMs each waiting on its own parallel loop left a
        // core idle whenever the thread pool had no spare thread. G2's tasks, the largest, go first.
        G2Pippenger g2 = b2Msm!;
        G1Pippenger[] g1 = [hMsm!, aMsm!, b1Msm!, cMsm!];
        int total = g2.TaskCount;
        foreach (G1Pippenger msm in g1)
        {
            total += msm.TaskCount;
        }

        Parallel.For(0, total, task =>
        {
            if (task < g2.TaskCount)
            {
                g2.RunTask(task);
                return;
            }

            task -= g2.TaskCount;
            foreach (G1Pippenger msm in g1)
            {
                if (task < msm.TaskCount)
                {
                    msm.RunTask(task);
                    return;
                }

                task -= msm.TaskCount;
            }
        });

        G1Jacobian hSum = g1[0].Finish(), a = g1[1].Finish(), b1 = g1[2].Finish(), c = g1[3].Finish();
        G2Jacobian b2 = g2.Finish();

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
    /// Public so that benchmarks can time this part of a prove alone; <see cref="Prove"/> checks the witness first.
    /// </summary>
    /// <remarks>Compiled fully optimised at once (as are the MSM loops): a node proves rarely, so tier-0 code would run.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Fr[] QuotientEvaluations(ZkeyFile zkey, Fr[] witness)
    {
        ArgumentNullException.ThrowIfNull(zkey);
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.Length != zkey.VariableCount)
        {
            throw new ArgumentException($"The zkey has {zkey.VariableCount} signals but the witness has {witness.Length}.", nameof(witness));
        }

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
