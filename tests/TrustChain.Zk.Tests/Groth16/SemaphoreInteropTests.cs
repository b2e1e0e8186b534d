using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Tests.Groth16;

/// <summary>Proofs from @semaphore-protocol/proof verified by us, and proofs from our prover verified by snarkjs and Semaphore.</summary>
public class SemaphoreInteropTests
{
    private static IEnumerable<TestCaseData> FixtureProofs()
    {
        using JsonDocument doc = Groth16TestFiles.ReadFixture("semaphore_generated_proofs.json");
        foreach (JsonElement p in doc.RootElement.GetProperty("proofs").EnumerateArray())
        {
            int depth = p.GetProperty("depth").GetInt32();
            BigInteger[] points = [.. p.GetProperty("semaphoreProof").GetProperty("points").EnumerateArray()
                .Select(e => BigInteger.Parse(e.GetString()!, CultureInfo.InvariantCulture))];
            string[] signals = [.. p.GetProperty("publicSignals").EnumerateArray().Select(e => e.GetString()!)];
            yield return new TestCaseData(depth, points, signals).SetArgDisplayNames($"depth {depth}");
        }
    }

    /// <summary>Committed generateProof outputs (depths 1, 2, 16): verifiable without node.</summary>
    [TestCaseSource(nameof(FixtureProofs))]
    public void GenerateProofFixture_VerifiesWithOfficialKey(int depth, BigInteger[] points, string[] signals)
    {
        Groth16Proof proof = SemaphoreProof.Unpack(points);
        Fr[] publicSignals = [.. signals.Select(Fr.Parse)];
        Assert.That(Groth16Verifier.Verify(SemaphoreVerificationKeys.ForDepth(depth), proof, publicSignals), Is.True);

        int otherDepth = depth == 1 ? 2 : depth - 1;
        Assert.That(Groth16Verifier.Verify(SemaphoreVerificationKeys.ForDepth(otherDepth), proof, publicSignals), Is.False);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void LiveGenerateProof_VerifiesWithOfficialKey(int depth)
    {
        SemaphoreRun run = Groth16TestFiles.Semaphore(depth);
        Fr[] publicSignals = [.. run.PublicSignals.Select(Fr.Parse)];
        Assert.That(Groth16Verifier.Verify(SemaphoreVerificationKeys.ForDepth(depth), SemaphoreProof.Unpack(run.Points), publicSignals), Is.True);
    }

    /// <summary>
    /// Rapidsnark mode: snarkjs computes the witness, we prove, snarkjs and Semaphore verify. Depth 1 keeps CI fast;
    /// depths 2 and 20 were checked the same way by hand.
    /// </summary>
    [TestCase(1)]
    public void OurProofFromZkeyAndWtns_IsAcceptedBySnarkjsAndSemaphore(int depth)
    {
        SemaphoreRun run = Groth16TestFiles.Semaphore(depth);
        (string proofJson, string publicJson) = Groth16Files.ProveFromFiles(run.ZkeyPath, run.WtnsPath);
        string dir = Groth16TestFiles.TempDirectory();
        string proofPath = Path.Combine(dir, "proof.json");
        string publicPath = Path.Combine(dir, "public.json");
        File.WriteAllText(proofPath, proofJson);
        File.WriteAllText(publicPath, publicJson);

        Assert.That(PublicSignals.FromJson(publicJson).Select(s => s.ToString()), Is.EqualTo(run.PublicSignals));
        Assert.That(Groth16Files.VerifyFromFiles(run.VkPath, proofPath, publicPath), Is.True);

        using JsonDocument verdict = Groth16TestFiles.RunNode(
            "verify.mjs", run.VkPath, proofPath, publicPath, depth.ToString(CultureInfo.InvariantCulture), run.Message, run.Scope);
        Assert.That(verdict.RootElement.GetProperty("snarkjsValid").GetBoolean(), Is.True, "snarkjs groth16 verify");
        Assert.That(verdict.RootElement.GetProperty("semaphoreValid").GetBoolean(), Is.True, "@semaphore-protocol/proof verifyProof");
    }

    [Test]
    public void Prover_FreshBlinding_GivesDistinctProofsThatBothVerify()
    {
        SemaphoreRun run = Groth16TestFiles.Semaphore(1);
        ZkeyFile zkey = Groth16TestFiles.ZkeyDepth1();
        Fr[] witness = WtnsFile.ReadFile(run.WtnsPath);
        (Groth16Proof p1, Fr[] signals) = Groth16Prover.Prove(zkey, witness);
        (Groth16Proof p2, _) = Groth16Prover.Prove(zkey, witness, RandomNumberGenerator.Create());

        Assert.That(p1, Is.Not.EqualTo(p2));
        Assert.That(Groth16Verifier.Verify(zkey.VerificationKey, p1, signals), Is.True);
        Assert.That(Groth16Verifier.Verify(zkey.VerificationKey, p2, signals), Is.True);
    }

    [Test]
    public void Prover_WrongWitness_ProducesRejectedProofOrThrows()
    {
        SemaphoreRun run = Groth16TestFiles.Semaphore(1);
        ZkeyFile zkey = Groth16TestFiles.ZkeyDepth1();
        Fr[] witness = WtnsFile.ReadFile(run.WtnsPath);

        Assert.That(() => Groth16Prover.Prove(zkey, witness[..^1]), Throws.ArgumentException);

        // A public signal that disagrees with the rest of the witness: the constraints fail, so the proof must not verify.
        witness[2] += Fr.One;
        (Groth16Proof proof, Fr[] signals) = Groth16Prover.Prove(zkey, witness);
        Assert.That(Groth16Verifier.Verify(zkey.VerificationKey, proof, signals), Is.False);
    }
}
