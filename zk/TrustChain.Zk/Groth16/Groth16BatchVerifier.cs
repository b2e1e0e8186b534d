using System.Security.Cryptography;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Groth16;

/// <summary>
/// Verifies many Groth16 proofs of one key with a single random linear combination of their equations:
/// ∏ e(−r_i·A_i, B_i) · e((Σr_i)·α, β) · e(Σ r_i·vk_x,i, γ) · e(Σ r_i·C_i, δ) = 1 with fresh random odd 128-bit r_i. The B_i
/// lines share one Miller loop's squarings, the three fixed pairs and the final exponentiation are paid once, so a
/// proof costs about a quarter of <see cref="Groth16Verifier.Verify"/>.
/// </summary>
/// <remarks>
/// If every proof verifies, so does the batch. If one does not, the batch passes only when the r_i happen to cancel
/// its error, with probability at most 2^-127 for odd r_i drawn after the proofs are fixed (Bellare, Garay, Rabin's small
/// exponents test; the points must be in their groups, which decoding checks). The r_i come from the OS generator, so
/// the answer does not depend on anything a prover can choose or predict, and nodes agree except with that probability.
/// </remarks>
public static class Groth16BatchVerifier
{
    private const int ScalarLimbs = 2;

    /// <summary>True when every proof verifies against <paramref name="vk"/>; false when at least one does not.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a signal list does not match the key's nPublic.</exception>
    public static bool VerifyAll(VerificationKey vk, IReadOnlyList<Groth16Proof> proofs, IReadOnlyList<Fr[]> publicSignals)
    {
        ArgumentNullException.ThrowIfNull(vk);
        ArgumentNullException.ThrowIfNull(proofs);
        ArgumentNullException.ThrowIfNull(publicSignals);
        if (proofs.Count != publicSignals.Count)
        {
            throw new ArgumentException($"Got {proofs.Count} proofs and {publicSignals.Count} public signal lists.", nameof(publicSignals));
        }

        for (int i = 0; i < proofs.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(proofs[i]);
            if (publicSignals[i] is null || publicSignals[i].Length != vk.PublicInputCount)
            {
                throw new ArgumentException(
                    $"Proof {i}: the verification key expects {vk.PublicInputCount} public signals, got {publicSignals[i]?.Length ?? 0}.", nameof(publicSignals));
            }
        }

        if (proofs.Count <= 1)
        {
            return proofs.Count == 0 || Groth16Verifier.Verify(vk, proofs[0], publicSignals[0]);
        }

        int n = proofs.Count;
        ulong[] r = new ulong[n * ScalarLimbs];
        RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(r.AsSpan()));
        for (int i = 0; i < n; i++)
        {
            // A zero r_i would drop proof i from the check.
            r[i * ScalarLimbs] |= 1;
        }

        PreparedVerificationKey prepared = vk.Prepared;
        G1Jacobian[] scaledA = new G1Jacobian[n];
        G2Affine[] b = new G2Affine[n];
        G1Jacobian sumC = G1Jacobian.Infinity;
        Fr sumR = Fr.Zero;
        Fr[] t = new Fr[vk.PublicInputCount];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<ulong> ri = r.AsSpan(i * ScalarLimbs, ScalarLimbs);
            Fr rFr = Fr.FromCanonicalLimbs(ri[0], ri[1], 0, 0);
            scaledA[i] = proofs[i].A.Multiply(ri).Negate();
            b[i] = proofs[i].B;
            sumC = sumC.Add(proofs[i].C.Multiply(ri));
            sumR += rFr;
            Fr[] signals = publicSignals[i];
            for (int j = 0; j < t.Length; j++)
            {
                t[j] += rFr * signals[j];
            }
        }

        G1Affine[] negA = new G1Affine[n];
        G1Jacobian.BatchNormalize(scaledA, negA);
        G1Jacobian[] fixedG1 = [prepared.Alpha.Multiply(sumR), prepared.ScaledLinearCombination(sumR, t), sumC];
        G1Affine[] fixedAffine = new G1Affine[fixedG1.Length];
        G1Jacobian.BatchNormalize(fixedG1, fixedAffine);
        Fq12 miller = Pairing.MillerLoop(fixedAffine, [prepared.Beta, prepared.Gamma, prepared.Delta], negA, b);
        return Pairing.FinalExponentiation(miller).IsOne;
    }
}
