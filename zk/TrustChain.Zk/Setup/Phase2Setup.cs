using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Setup;

/// <summary>
/// Groth16 phase 2 over a snarkjs Powers of Tau, computing exactly what snarkjs computes: <c>zkey new</c> (δ = 1,
/// same sections and circuit hash), <c>zkey contribute</c> (δ update with snarkjs's proof of knowledge) and
/// <c>zkey verify</c> (the key is rebuilt from the r1cs and ptau and every contribution is checked).
/// </summary>
public static class Phase2Setup
{
    private const int HashChunk = 1 << 14;

    /// <summary>The domain snarkjs picks: the smallest power of two above nConstraints + nPublic.</summary>
    public static int DomainSizeFor(R1csFile r1cs)
    {
        ArgumentNullException.ThrowIfNull(r1cs);
        int rows = r1cs.Constraints.Length + r1cs.PublicCount;
        return 1 << (BitOperations.Log2((uint)Math.Max(rows, 1)) + 1);
    }

    /// <summary>snarkjs <c>zkey new</c>.</summary>
    /// <exception cref="ZkFormatException">The ptau is malformed, not prepared, or too small for the circuit.</exception>
    public static Phase2Zkey NewZkey(R1csFile r1cs, byte[] ptau)
    {
        ArgumentNullException.ThrowIfNull(r1cs);
        ArgumentNullException.ThrowIfNull(ptau);
        int domainSize = DomainSizeFor(r1cs);
        PreparedPtau tau = PreparedPtau.Read(ptau, domainSize);
        return Phase2KeyBuilder.Build(r1cs, tau);
    }

    /// <summary>
    /// snarkjs <c>zkey contribute</c>: δ ← δ·x, C and H divided by x, with the proof of knowledge of x recorded.
    /// x and the proof's s·G1 are drawn from a ChaCha stream seeded by Blake2b(entropy): the same entropy gives the
    /// same contribution, so the entropy must be secret and unpredictable.
    /// </summary>
    /// <exception cref="ArgumentException">The entropy is shorter than 32 bytes.</exception>
    public static Phase2Zkey Contribute(Phase2Zkey zkey, ReadOnlySpan<byte> entropy, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(zkey);
        if (entropy.Length < 32)
        {
            throw new ArgumentException($"A contribution needs at least 32 bytes of entropy, got {entropy.Length}.", nameof(entropy));
        }

        FfjsChaCha rng = FfjsChaCha.FromHash(Blake2b512.Hash(entropy));
        Blake2b512 transcriptHasher = new();
        transcriptHasher.Update(zkey.CircuitHash);
        foreach (Phase2Contribution previous in zkey.Contributions)
        {
            previous.HashPublicKey(transcriptHasher);
        }

        Fr x = FfjsRandom.FrFromRng(rng);
        while (x.IsZero)
        {
            x = FfjsRandom.FrFromRng(rng);
        }

        G1Affine g1S = FfjsRandom.G1FromRng(rng);
        G1Affine g1Sx = g1S.Multiply(x).ToAffine();
        transcriptHasher.Update(PointEncoding.G1Uncompressed(g1S, true));
        transcriptHasher.Update(PointEncoding.G1Uncompressed(g1Sx, true));
        byte[] transcript = transcriptHasher.Digest();
        G2Affine g2Spx = FfjsRandom.HashToG2(transcript).Multiply(x).ToAffine();

        G1Affine delta1 = zkey.Delta1.Multiply(x).ToAffine();
        G2Affine delta2 = zkey.Delta2.Multiply(x).ToAffine();
        Fr inverse = x.Inverse();
        Phase2Contribution contribution = new(delta1, g1S, g1Sx, g2Spx, transcript, 0, name);
        return zkey.WithContribution(delta1, delta2, Scale(zkey.CPoints, inverse), Scale(zkey.HPoints, inverse), contribution);
    }

    /// <summary>A contribution with 64 bytes from the system CSPRNG.</summary>
    public static Phase2Zkey Contribute(Phase2Zkey zkey, string? name = null)
    {
        Span<byte> entropy = stackalloc byte[64];
        RandomNumberGenerator.Fill(entropy);
        return Contribute(zkey, entropy, name);
    }

    /// <summary>
    /// snarkjs <c>zkey verify r1cs ptau zkey</c>: rebuilds the initial key, requires IC, coefficients, A, B1, B2
    /// and the circuit hash to be identical, checks every contribution's transcript and proofs of knowledge, that δ
    /// is the last contribution's, and that C and H moved by the same factor as δ.
    /// </summary>
    public static Phase2VerificationResult VerifySetup(R1csFile r1cs, byte[] ptau, Phase2Zkey zkey)
    {
        ArgumentNullException.ThrowIfNull(r1cs);
        ArgumentNullException.ThrowIfNull(ptau);
        ArgumentNullException.ThrowIfNull(zkey);
        Phase2Zkey initial;
        try
        {
            initial = NewZkey(r1cs, ptau);
        }
        catch (ZkFormatException e)
        {
            return Phase2VerificationResult.Fail($"cannot rebuild the initial key: {e.Message}");
        }

        return VerifyFromInitial(initial, zkey);
    }

    /// <summary>
    /// snarkjs <c>zkey verify</c> from an already built initial key (<see cref="NewZkey"/> of the same r1cs and
    /// ptau): checks every contribution and that <paramref name="zkey"/> differs from the initial key only by δ.
    /// </summary>
    public static Phase2VerificationResult VerifyFromInitial(Phase2Zkey initial, Phase2Zkey zkey)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(zkey);
        if (initial.Contributions.Count != 0)
        {
            throw new ArgumentException("The initial key must have no contributions (as zkey new writes it).", nameof(initial));
        }

        Blake2b512 accumulated = new();
        accumulated.Update(zkey.CircuitHash);
        G1Affine currentDelta = G1Affine.Generator;
        List<byte[]> hashes = [];
        for (int i = 0; i < zkey.Contributions.Count; i++)
        {
            Phase2Contribution c = zkey.Contributions[i];
            Blake2b512 ours = accumulated.Clone();
            ours.Update(PointEncoding.G1Uncompressed(c.G1S, true));
            ours.Update(PointEncoding.G1Uncompressed(c.G1Sx, true));
            if (!ours.Digest().AsSpan().SequenceEqual(c.Transcript))
            {
                return Phase2VerificationResult.Fail($"contribution {i}: inconsistent transcript");
            }

            if (c.Type != 0)
            {
                return Phase2VerificationResult.Fail($"contribution {i}: type {c.Type} (beacon) contributions are not supported");
            }

            G2Affine sp = FfjsRandom.HashToG2(c.Transcript);
            if (!SameRatio(c.G1S, c.G1Sx, sp, c.G2Spx))
            {
                return Phase2VerificationResult.Fail($"contribution {i}: the G1 and G2 public keys do not have the same ratio");
            }

            if (!SameRatio(currentDelta, c.DeltaAfter, sp, c.G2Spx))
            {
                return Phase2VerificationResult.Fail($"contribution {i}: deltaAfter does not follow the public key");
            }

            c.HashPublicKey(accumulated);
            hashes.Add(c.ContributionHash());
            currentDelta = c.DeltaAfter;
        }

        string? failure = CompareWithInitial(initial, zkey, currentDelta);
        return failure is null ? new Phase2VerificationResult(true, null, hashes) : Phase2VerificationResult.Fail(failure);
    }

    private static string? CompareWithInitial(Phase2Zkey initial, Phase2Zkey zkey, G1Affine currentDelta)
    {
        if (initial.VariableCount != zkey.VariableCount || initial.PublicCount != zkey.PublicCount || initial.DomainSize != zkey.DomainSize)
        {
            return "different circuit parameters (nVars, nPublic or domain size)";
        }

        if (initial.Alpha1 != zkey.Alpha1 || initial.Beta1 != zkey.Beta1 || initial.Beta2 != zkey.Beta2 || initial.Gamma2 != zkey.Gamma2)
        {
            return "alpha, beta or gamma differ from the Powers of Tau";
        }

        if (zkey.Delta1 != currentDelta)
        {
            return "delta1 is not the last contribution's deltaAfter";
        }

        if (!SameRatio(G1Affine.Generator, currentDelta, G2Affine.Generator, zkey.Delta2))
        {
            return "delta2 does not match delta1";
        }

        if (!initial.CircuitHash.AsSpan().SequenceEqual(zkey.CircuitHash))
        {
            return "the circuit hash does not match the r1cs";
        }

        if (zkey.C.Count != initial.C.Count || zkey.H.Count != initial.H.Count)
        {
            return "wrong C or H section size";
        }

        if (!initial.IcPoints.AsSpan().SequenceEqual(zkey.IcPoints))
        {
            return "IC section is not identical";
        }

        if (!initial.CoefficientArray.AsSpan().SequenceEqual(zkey.CoefficientArray))
        {
            return "coefficient section is not identical";
        }

        if (!initial.APoints.AsSpan().SequenceEqual(zkey.APoints) || !initial.B1Points.AsSpan().SequenceEqual(zkey.B1Points)
            || !initial.B2Points.AsSpan().SequenceEqual(zkey.B2Points))
        {
            return "A, B1 or B2 section is not identical";
        }

        if (!SectionHasSameRatio(initial.CPoints, zkey.CPoints, zkey.Delta2, initial.Delta2))
        {
            return "C section does not follow delta";
        }

        if (!SectionHasSameRatio(initial.HPoints, zkey.HPoints, zkey.Delta2, initial.Delta2))
        {
            return "H section does not follow delta";
        }

        return null;
    }

    /// <summary>e(a, d) = e(b, c): b/a = d/c in the exponent.</summary>
    private static bool SameRatio(in G1Affine a, in G1Affine b, in G2Affine c, in G2Affine d) =>
        Pairing.PairingCheck([a, b.Negate()], [d, c]);

    /// <summary>A random linear combination of both sections must differ by the δ ratio.</summary>
    private static bool SectionHasSameRatio(G1Affine[] before, G1Affine[] after, in G2Affine deltaAfter, in G2Affine deltaBefore)
    {
        if (before.Length == 0)
        {
            return true;
        }

        Fr[] r = new Fr[before.Length];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = Fr.FromRandom();
        }

        G1Affine sumBefore = Msm.Compute(before, r).ToAffine();
        G1Affine sumAfter = Msm.Compute(after, r).ToAffine();
        return SameRatio(sumBefore, sumAfter, deltaAfter, deltaBefore);
    }

    private static G1Affine[] Scale(G1Affine[] points, Fr factor)
    {
        G1Jacobian[] scaled = new G1Jacobian[points.Length];
        Parallel.For(0, points.Length, i => scaled[i] = points[i].Multiply(factor));
        G1Affine[] result = new G1Affine[points.Length];
        G1Jacobian.BatchNormalize(scaled, result);
        return result;
    }

    internal static void HashU32(Blake2b512 h, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        h.Update(b);
    }

    internal static int HashedHPointCount(int domainSize) =>
        domainSize - 1 <= HashChunk ? domainSize - 1 : (domainSize - 1 + HashChunk - 1) / HashChunk * HashChunk;
}
