using System.Numerics;
using TrustChain.Biometrics.Lsh;
using TrustChain.Core;

namespace TrustChain.Biometrics.Oprf;

/// <summary>
/// The scanner side of the threshold OPRF: blind, collect ≥ t proven evaluations, combine with Lagrange
/// coefficients at 0 (Σ λ_i·k_i·B = k·B), unblind with r^-1 and hash into the tag.
/// </summary>
public static class OprfClient
{
    public static OprfBlindedInput Blind(in BandInput input) => Blind(input, Secp256k1Scalar.Random());

    /// <summary>Blind with a caller-chosen r (32 bytes in [1, n)); deterministic, for tests.</summary>
    public static OprfBlindedInput Blind(in BandInput input, ReadOnlySpan<byte> blind32) =>
        Blind(input, Secp256k1Scalar.FromBytesNonZero(blind32, "Blind"));

    /// <summary>
    /// Blinds a whole scan's bands: the blinds' inverses come from one batch inversion (Montgomery's trick: one
    /// exponentiation and 3(n−1) multiplications instead of n exponentiations), the point multiplications run on all cores.
    /// </summary>
    public static OprfBlindedInput[] BlindMany(IReadOnlyList<BandInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        BigInteger[] blinds = new BigInteger[inputs.Count];
        for (int i = 0; i < blinds.Length; i++)
        {
            blinds[i] = Secp256k1Scalar.Random();
        }

        BigInteger[] inverses = new BigInteger[blinds.Length];
        Secp256k1Scalar.InverseAll(blinds, inverses);
        var blinded = new OprfBlindedInput[blinds.Length];
        Parallel.For(0, blinded.Length, i =>
        {
            BandInput input = inputs[i];
            byte[] point = HashToCurve.Hash(input.Encode());
            blinded[i] = new OprfBlindedInput(input, blinds[i], inverses[i], CurvePoint.Multiply(point, blinds[i]));
        });
        return blinded;
    }

    public static OprfFinalization Finalize(OprfBlindedInput blinded, IReadOnlyList<OprfEvaluation> evaluations, OprfCommittee committee)
    {
        ArgumentNullException.ThrowIfNull(blinded);
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(committee);

        var rejected = new List<int>();
        var accepted = new List<OprfEvaluation>(committee.Threshold);
        foreach (OprfEvaluation evaluation in evaluations)
        {
            if (accepted.Count == committee.Threshold)
            {
                break;
            }

            bool known = committee.TryGetMember(evaluation.MemberIndex, out OprfCommitteeMember? member);
            bool duplicate = accepted.Exists(e => e.MemberIndex == evaluation.MemberIndex);
            if (!known || duplicate || !evaluation.Proof.Verify(member!.PublicShare, blinded.BlindedElement, evaluation.Element))
            {
                rejected.Add(evaluation.MemberIndex);
                continue;
            }

            accepted.Add(evaluation);
        }

        if (accepted.Count < committee.Threshold)
        {
            string bad = rejected.Count == 0 ? "none" : string.Join(", ", rejected);
            throw new OprfException($"Only {accepted.Count} valid evaluations, {committee.Threshold} needed; rejected members: {bad}.");
        }

        int[] indices = new int[accepted.Count];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = accepted[i].MemberIndex;
        }

        // Σ (λ_i·r⁻¹)·Z_i = r⁻¹·Σ λ_i·Z_i: folding the unblinding into the Lagrange scalars saves one point multiplication
        // per band (point multiplications are nearly all of a scan's OPRF cost).
        BigInteger unblind = blinded.Unblind;
        byte[]? unblinded = null;
        for (int i = 0; i < accepted.Count; i++)
        {
            BigInteger scalar = Secp256k1Scalar.Multiply(Secp256k1Scalar.LagrangeAtZero(indices[i], indices), unblind);
            byte[] term = CurvePoint.Multiply(accepted[i].Element, scalar);
            unblinded = unblinded is null ? term : CurvePoint.Add(unblinded, term);
        }

        Hash256 tag = OprfFunction.Tag(blinded.Input.Encode(), unblinded!);
        return new OprfFinalization(tag, rejected);
    }

    private static OprfBlindedInput Blind(in BandInput input, BigInteger r)
    {
        byte[] point = HashToCurve.Hash(input.Encode());
        return new OprfBlindedInput(input, r, CurvePoint.Multiply(point, r));
    }
}
