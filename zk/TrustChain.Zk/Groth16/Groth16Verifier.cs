using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Groth16;

/// <summary>Groth16 verification over BN254, the same equation as snarkjs and the Semaphore Solidity verifier.</summary>
public static class Groth16Verifier
{
    /// <summary>
    /// Checks e(−A, B)·e(α, β)·e(vk_x, γ)·e(C, δ) = 1 with vk_x = IC0 + Σ s_i·IC_i. Returns false for a proof that does
    /// not verify; the proof's points are assumed validated (as <see cref="Groth16Proof.FromJson(string)"/> does).
    /// </summary>
    /// <exception cref="ArgumentException">The number of public signals differs from the key's nPublic.</exception>
    public static bool Verify(VerificationKey vk, Groth16Proof proof, ReadOnlySpan<Fr> publicSignals)
    {
        ArgumentNullException.ThrowIfNull(vk);
        ArgumentNullException.ThrowIfNull(proof);
        if (publicSignals.Length != vk.PublicInputCount)
        {
            throw new ArgumentException(
                $"The verification key expects {vk.PublicInputCount} public signals, got {publicSignals.Length}.", nameof(publicSignals));
        }

        PreparedVerificationKey prepared = vk.Prepared;
        G1Affine vkX = prepared.LinearCombination(publicSignals);
        ReadOnlySpan<G1Affine> g1 = [vkX, proof.C];
        ReadOnlySpan<G2Prepared> g2 = [prepared.Gamma, prepared.Delta];
        Fq12 miller = Pairing.MillerLoop(g1, g2, proof.A.Negate(), proof.B) * prepared.AlphaBetaMiller;
        return Pairing.FinalExponentiation(miller).IsOne;
    }
}
