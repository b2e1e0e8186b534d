using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;

namespace TrustChain.Zk.Tests.Groth16;

/// <summary>
/// <see cref="Groth16Verifier"/> (normalized γ/δ lines, e(α, β) Miller value, on-the-fly B lines, fixed-base IC
/// tables) against the textbook check e(−A, B)·e(α, β)·e(vk_x, γ)·e(C, δ) = 1 through the generic
/// <see cref="Pairing.PairingCheck(ReadOnlySpan{G1Affine}, ReadOnlySpan{G2Affine})"/>, on synthetic keys and proofs
/// built from known scalars (fixed seeds): C is solved from a·b = α·β + x·γ + c·δ, so valid and invalid cases are known
/// independently of both verifiers.
/// </summary>
[TestFixture]
public class Groth16VerifierFastPathTests
{
    private sealed record Instance(VerificationKey Key, Groth16Proof Proof, Fr[] Signals);

    private sealed record Trapdoor(VerificationKey Key, Fr Alpha, Fr Beta, Fr Gamma, Fr Delta, Fr[] Ic);

    private static Trapdoor BuildKey(Random rnd, int publicInputs)
    {
        Fr alpha = Fr.FromRandom(rnd), beta = Fr.FromRandom(rnd), gamma = Fr.FromRandom(rnd), delta = Fr.FromRandom(rnd);
        Fr[] ic = new Fr[publicInputs + 1];
        for (int i = 0; i < ic.Length; i++)
        {
            ic[i] = Fr.FromRandom(rnd);
        }

        return new Trapdoor(new VerificationKey(G1(alpha), G2(beta), G2(gamma), G2(delta), [.. ic.Select(G1)]), alpha, beta, gamma, delta, ic);
    }

    private static Instance BuildProof(Trapdoor t, Random rnd)
    {
        int publicInputs = t.Ic.Length - 1;
        Fr[] signals = new Fr[publicInputs];
        Fr x = t.Ic[0];
        for (int i = 0; i < publicInputs; i++)
        {
            // A zero signal exercises the skipped term of the linear combination.
            signals[i] = i == 1 ? Fr.Zero : Fr.FromRandom(rnd);
            x += signals[i] * t.Ic[i + 1];
        }

        Fr a = Fr.FromRandom(rnd), b = Fr.FromRandom(rnd);
        Fr c = (a * b - t.Alpha * t.Beta - x * t.Gamma) * t.Delta.Inverse();
        return new Instance(t.Key, new Groth16Proof(G1(a), G2(b), G1(c)), signals);
    }

    private static Instance Build(int seed, int publicInputs)
    {
        Random rnd = new(seed);
        return BuildProof(BuildKey(rnd, publicInputs), rnd);
    }

    private static G1Affine G1(Fr s) => G1Affine.Generator.Multiply(s).ToAffine();

    private static G2Affine G2(Fr s) => G2Affine.Generator.Multiply(s).ToAffine();

    private static bool GenericCheck(VerificationKey vk, Groth16Proof proof, Fr[] signals)
    {
        G1Jacobian x = vk.Ic[0].ToJacobian();
        for (int i = 0; i < signals.Length; i++)
        {
            x = x.Add(vk.Ic[i + 1].Multiply(signals[i]));
        }

        return Pairing.PairingCheck([proof.A.Negate(), vk.Alpha, x.ToAffine(), proof.C], [proof.B, vk.Beta, vk.Gamma, vk.Delta]);
    }

    private static IEnumerable<TestCaseData> Instances()
    {
        yield return new TestCaseData(1, 4).SetName("Seed1_FourInputs");
        yield return new TestCaseData(2, 4).SetName("Seed2_FourInputs");
        yield return new TestCaseData(3, 1).SetName("Seed3_OneInput");
        yield return new TestCaseData(4, 9).SetName("Seed4_NineInputs_Untabulated");
    }

    [TestCaseSource(nameof(Instances))]
    public void ValidProof_IsAcceptedByBothPaths(int seed, int inputs)
    {
        Instance s = Build(seed, inputs);
        Assert.That(GenericCheck(s.Key, s.Proof, s.Signals), Is.True);
        Assert.That(Groth16Verifier.Verify(s.Key, s.Proof, s.Signals), Is.True);
    }

    [TestCaseSource(nameof(Instances))]
    public void ChangedSignal_IsRejectedByBothPaths(int seed, int inputs)
    {
        Instance s = Build(seed, inputs);
        for (int i = 0; i < inputs; i++)
        {
            Fr[] changed = [.. s.Signals];
            changed[i] += Fr.One;
            Assert.That(GenericCheck(s.Key, s.Proof, changed), Is.False, $"generic, signal {i}");
            Assert.That(Groth16Verifier.Verify(s.Key, s.Proof, changed), Is.False, $"fast, signal {i}");
        }
    }

    [TestCaseSource(nameof(Instances))]
    public void ChangedProofPoint_IsRejectedByBothPaths(int seed, int inputs)
    {
        Instance s = Build(seed, inputs);
        Groth16Proof[] tampered =
        [
            new(s.Proof.A.Negate(), s.Proof.B, s.Proof.C),
            new(s.Proof.A, G2Affine.Generator, s.Proof.C),
            new(s.Proof.A, s.Proof.B, s.Proof.C.Negate()),
            new(G1Affine.Infinity, s.Proof.B, s.Proof.C),
            new(s.Proof.A, G2Affine.Infinity, s.Proof.C),
        ];
        for (int i = 0; i < tampered.Length; i++)
        {
            Assert.That(GenericCheck(s.Key, tampered[i], s.Signals), Is.False, $"generic, case {i}");
            Assert.That(Groth16Verifier.Verify(s.Key, tampered[i], s.Signals), Is.False, $"fast, case {i}");
        }
    }

    [Test]
    public void ProofForAnotherKey_IsRejected()
    {
        Instance first = Build(10, 4), second = Build(11, 4);
        Assert.That(Groth16Verifier.Verify(second.Key, first.Proof, first.Signals), Is.False);
        Assert.That(Groth16Verifier.Verify(first.Key, first.Proof, first.Signals), Is.True);
    }

    private static (VerificationKey Key, List<Groth16Proof> Proofs, List<Fr[]> Signals) Batch(int seed, int count, int inputs = 4)
    {
        Random rnd = new(seed);
        Trapdoor t = BuildKey(rnd, inputs);
        List<Groth16Proof> proofs = [];
        List<Fr[]> signals = [];
        for (int i = 0; i < count; i++)
        {
            Instance s = BuildProof(t, rnd);
            proofs.Add(s.Proof);
            signals.Add(s.Signals);
        }

        return (t.Key, proofs, signals);
    }

    [TestCase(2)]
    [TestCase(5)]
    [TestCase(17)]
    public void Batch_OfValidProofs_IsAccepted(int count)
    {
        (VerificationKey key, List<Groth16Proof> proofs, List<Fr[]> signals) = Batch(20 + count, count);
        Assert.That(Groth16BatchVerifier.VerifyAll(key, proofs, signals), Is.True);
    }

    [TestCase(0)]
    [TestCase(3)]
    [TestCase(6)]
    public void Batch_WithOneChangedSignal_IsRejected(int bad)
    {
        (VerificationKey key, List<Groth16Proof> proofs, List<Fr[]> signals) = Batch(30, 7);
        signals[bad] = [.. signals[bad]];
        signals[bad][2] += Fr.One;
        Assert.That(Groth16Verifier.Verify(key, proofs[bad], signals[bad]), Is.False);
        Assert.That(Groth16BatchVerifier.VerifyAll(key, proofs, signals), Is.False);
    }

    [Test]
    public void Batch_WithSwappedProofs_IsRejected()
    {
        // Each proof is valid for the other's signals only if the signals are equal; they are not.
        (VerificationKey key, List<Groth16Proof> proofs, List<Fr[]> signals) = Batch(31, 4);
        (proofs[0], proofs[1]) = (proofs[1], proofs[0]);
        Assert.That(Groth16BatchVerifier.VerifyAll(key, proofs, signals), Is.False);
    }

    [Test]
    public void Batch_WithTwoErrorsThatCancelForEqualWeights_IsRejected()
    {
        // C_0 + D and C_1 − D: a plain sum of the equations would balance; random weights do not.
        (VerificationKey key, List<Groth16Proof> proofs, List<Fr[]> signals) = Batch(32, 3);
        G1Jacobian d = G1Affine.Generator.Multiply(Fr.FromUInt64(12345));
        proofs[0] = new Groth16Proof(proofs[0].A, proofs[0].B, proofs[0].C.ToJacobian().Add(d).ToAffine());
        proofs[1] = new Groth16Proof(proofs[1].A, proofs[1].B, proofs[1].C.ToJacobian().Add(d.Negate()).ToAffine());
        Assert.That(Groth16BatchVerifier.VerifyAll(key, proofs, signals), Is.False);
    }

    [Test]
    public void Batch_WithAProofForAnotherKey_IsRejected()
    {
        (VerificationKey key, List<Groth16Proof> proofs, List<Fr[]> signals) = Batch(33, 4);
        Instance other = Build(34, 4);
        proofs[2] = other.Proof;
        signals[2] = other.Signals;
        Assert.That(Groth16BatchVerifier.VerifyAll(key, proofs, signals), Is.False);
    }

    [Test]
    public void Batch_OfZeroOrOneProof_MatchesTheSingleVerifier()
    {
        (VerificationKey key, List<Groth16Proof> proofs, List<Fr[]> signals) = Batch(35, 1);
        Assert.That(Groth16BatchVerifier.VerifyAll(key, [], []), Is.True);
        Assert.That(Groth16BatchVerifier.VerifyAll(key, proofs, signals), Is.True);
        signals[0] = [.. signals[0]];
        signals[0][0] += Fr.One;
        Assert.That(Groth16BatchVerifier.VerifyAll(key, proofs, signals), Is.False);
    }

    [Test]
    public void Batch_WithMismatchedInputs_Throws()
    {
        (VerificationKey key, List<Groth16Proof> proofs, List<Fr[]> signals) = Batch(36, 2);
        Assert.That(() => Groth16BatchVerifier.VerifyAll(key, proofs, signals.Take(1).ToList()),
            Throws.ArgumentException.With.Message.Contains("2 proofs and 1 public signal lists"));
        signals[1] = [Fr.One];
        Assert.That(() => Groth16BatchVerifier.VerifyAll(key, proofs, signals),
            Throws.ArgumentException.With.Message.Contains("Proof 1: the verification key expects 4 public signals, got 1"));
    }
}
