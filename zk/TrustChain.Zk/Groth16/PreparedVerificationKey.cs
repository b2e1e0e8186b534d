using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Groth16;

/// <summary>
/// The proof-independent half of the Groth16 pairing check: the Miller-loop value of e(α, β) (so it costs one F_q12
/// multiplication per proof instead of a Miller loop) and the line coefficients of γ and δ, divided by their constant
/// terms so that each line costs 10 rather than 13 F_q2 multiplications.
/// </summary>
internal sealed class PreparedVerificationKey
{
    public PreparedVerificationKey(VerificationKey vk)
    {
        AlphaBetaMiller = Pairing.MillerLoop([vk.Alpha], [new G2Prepared(vk.Beta)]);
        Alpha = vk.Alpha;
        Beta = new G2Prepared(vk.Beta, normalizeLines: true);
        Gamma = new G2Prepared(vk.Gamma, normalizeLines: true);
        Delta = new G2Prepared(vk.Delta, normalizeLines: true);
        Ic = [.. vk.Ic];

        // Tables cost ~510 KB and ~15 ms to build per public input; beyond 8 inputs (4 MB) plain multiplication is the better trade.
        if (vk.PublicInputCount <= MaxTabulatedInputs)
        {
            IcTables = new FixedBaseTable[vk.PublicInputCount];
            for (int i = 0; i < IcTables.Length; i++)
            {
                IcTables[i] = new FixedBaseTable(vk.Ic[i + 1]);
            }
        }
    }

    private const int MaxTabulatedInputs = 8;

    public Fq12 AlphaBetaMiller { get; }

    public G1Affine Alpha { get; }

    /// <summary>β's lines, for batches (<see cref="Groth16BatchVerifier"/>), where e(α, β) is raised to a random sum.</summary>
    public G2Prepared Beta { get; }

    public G2Prepared Gamma { get; }

    public G2Prepared Delta { get; }

    public G1Affine[] Ic { get; }

    /// <summary>Fixed-base tables for IC_1 … IC_n, or null for keys with many public inputs.</summary>
    public FixedBaseTable[]? IcTables { get; }

    /// <summary>t0·IC0 + Σ t_i·IC_i, the random combination of a batch's vk_x values.</summary>
    public G1Jacobian ScaledLinearCombination(in Fr t0, ReadOnlySpan<Fr> t)
    {
        G1Jacobian acc = Ic[0].Multiply(t0);
        for (int i = 0; i < t.Length; i++)
        {
            if (!t[i].IsZero)
            {
                acc = acc.Add(IcTables is null ? Ic[i + 1].Multiply(t[i]) : IcTables[i].Multiply(t[i]));
            }
        }

        return acc;
    }

    /// <summary>vk_x = IC0 + Σ s_i·IC_i.</summary>
    public G1Affine LinearCombination(ReadOnlySpan<Fr> signals)
    {
        G1Jacobian acc = Ic[0].ToJacobian();
        for (int i = 0; i < signals.Length; i++)
        {
            if (!signals[i].IsZero)
            {
                acc = acc.Add(IcTables is null ? Ic[i + 1].Multiply(signals[i]) : IcTables[i].Multiply(signals[i]));
            }
        }

        return acc.ToAffine();
    }
}
