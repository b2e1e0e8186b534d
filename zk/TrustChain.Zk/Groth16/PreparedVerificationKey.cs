using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Groth16;

/// <summary>
/// The proof-independent half of the Groth16 pairing check: the Miller-loop value of e(α, β) (so it costs one F_q12
/// multiplication per proof instead of a Miller loop) and the line coefficients of γ and δ.
/// </summary>
internal sealed class PreparedVerificationKey
{
    public PreparedVerificationKey(VerificationKey vk)
    {
        AlphaBetaMiller = Pairing.MillerLoop([vk.Alpha], [new G2Prepared(vk.Beta)]);
        Gamma = new G2Prepared(vk.Gamma);
        Delta = new G2Prepared(vk.Delta);
        Ic = [.. vk.Ic];
    }

    public Fq12 AlphaBetaMiller { get; }

    public G2Prepared Gamma { get; }

    public G2Prepared Delta { get; }

    public G1Affine[] Ic { get; }
}
