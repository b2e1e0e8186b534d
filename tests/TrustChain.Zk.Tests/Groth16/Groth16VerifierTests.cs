using System.Numerics;
using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Tests.Groth16;

/// <summary>The Semaphore v4 depth-16 vector (snarkjs 0.7.5 proof + VK) against our verifier and JSON codecs.</summary>
public class Groth16VerifierTests
{
    private static (VerificationKey Vk, Groth16Proof Proof, Fr[] Signals) LoadVector()
    {
        using JsonDocument doc = Groth16TestFiles.SemaphoreVector();
        JsonElement snarkjs = doc.RootElement.GetProperty("snarkjs");
        return (
            VerificationKey.FromJson(snarkjs.GetProperty("verificationKey")),
            Groth16Proof.FromJson(snarkjs.GetProperty("proof")),
            PublicSignals.FromJson(snarkjs.GetProperty("publicSignals")));
    }

    [Test]
    public void Vector_Verifies()
    {
        (VerificationKey vk, Groth16Proof proof, Fr[] signals) = LoadVector();
        Assert.That(Groth16Verifier.Verify(vk, proof, signals), Is.True);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Vector_WithOneSignalChanged_IsRejected(int index)
    {
        (VerificationKey vk, Groth16Proof proof, Fr[] signals) = LoadVector();
        signals[index] += Fr.One;
        Assert.That(Groth16Verifier.Verify(vk, proof, signals), Is.False);
    }

    private static IEnumerable<int> PackedIndices() => Enumerable.Range(0, SemaphoreProof.PointCount);

    /// <summary>Each packed coordinate + 1: either the point becomes invalid (format error) or the proof fails.</summary>
    [TestCaseSource(nameof(PackedIndices))]
    public void Vector_WithOneProofCoordinateChanged_IsRejected(int index)
    {
        (VerificationKey vk, Groth16Proof proof, Fr[] signals) = LoadVector();
        BigInteger[] packed = SemaphoreProof.Pack(proof);
        packed[index] = (packed[index] + 1) % Fq.Modulus;
        Groth16Proof tampered;
        try
        {
            tampered = SemaphoreProof.Unpack(packed);
        }
        catch (ZkFormatException)
        {
            Assert.Pass("Tampered coordinate no longer encodes a valid point.");
            return;
        }

        Assert.That(Groth16Verifier.Verify(vk, tampered, signals), Is.False);
    }

    [TestCase("A")]
    [TestCase("B")]
    [TestCase("C")]
    public void Vector_WithOnePointShiftedByGenerator_IsRejected(string which)
    {
        (VerificationKey vk, Groth16Proof p, Fr[] signals) = LoadVector();
        Groth16Proof tampered = which switch
        {
            "A" => new Groth16Proof(p.A.ToJacobian().AddMixed(G1Affine.Generator).ToAffine(), p.B, p.C),
            "B" => new Groth16Proof(p.A, p.B.ToJacobian().AddMixed(G2Affine.Generator).ToAffine(), p.C),
            _ => new Groth16Proof(p.A, p.B, p.C.ToJacobian().AddMixed(G1Affine.Generator).ToAffine()),
        };
        Assert.That(Groth16Verifier.Verify(vk, tampered, signals), Is.False);
    }

    [Test]
    public void Verify_WrongSignalCount_Throws()
    {
        (VerificationKey vk, Groth16Proof proof, Fr[] signals) = LoadVector();
        Assert.That(() => Groth16Verifier.Verify(vk, proof, signals.AsSpan(0, 3)), Throws.ArgumentException);
    }

    [Test]
    public void Vector_PackedPoints_MatchSemaphorePacking()
    {
        using JsonDocument doc = Groth16TestFiles.SemaphoreVector();
        BigInteger[] expected = [.. doc.RootElement.GetProperty("semaphoreProof").GetProperty("points").EnumerateArray()
            .Select(e => BigInteger.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture))];
        Groth16Proof proof = Groth16Proof.FromJson(doc.RootElement.GetProperty("snarkjs").GetProperty("proof"));

        Assert.That(SemaphoreProof.Pack(proof), Is.EqualTo(expected));
        Assert.That(SemaphoreProof.Unpack(expected), Is.EqualTo(proof));
        Assert.That(SemaphoreProof.Unpack(SemaphoreProof.PackToBytes(proof)), Is.EqualTo(proof));
    }

    [Test]
    public void VerificationKey_ToJson_MatchesSnarkjsExport()
    {
        using JsonDocument doc = Groth16TestFiles.SemaphoreVector();
        JsonElement expected = doc.RootElement.GetProperty("snarkjs").GetProperty("verificationKey");
        VerificationKey vk = VerificationKey.FromJson(expected);
        using JsonDocument ours = JsonDocument.Parse(vk.ToJson());

        // Includes vk_alphabeta_12 = e(α, β), which pins down our F_q12 tower layout against snarkjs's.
        string[] differing = [.. expected.EnumerateObject()
            .Where(p => !ours.RootElement.TryGetProperty(p.Name, out JsonElement v) || !JsonElement.DeepEquals(v, p.Value))
            .Select(p => p.Name)];
        Assert.That(differing, Is.Empty, vk.ToJson());
        Assert.That(ours.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(expected.EnumerateObject().Select(p => p.Name)));
    }

    [Test]
    public void Proof_ToJson_MatchesSnarkjsLayout()
    {
        using JsonDocument doc = Groth16TestFiles.SemaphoreVector();
        JsonElement expected = doc.RootElement.GetProperty("snarkjs").GetProperty("proof");
        string json = Groth16Proof.FromJson(expected).ToJson();
        using JsonDocument ours = JsonDocument.Parse(json);
        JsonElement root = ours.RootElement;

        // The vector carries affine pairs; snarkjs itself writes the projective triple with z = 1.
        Assert.That(root.GetProperty("pi_a")[2].GetString(), Is.EqualTo("1"));
        Assert.That(root.GetProperty("pi_b")[2][0].GetString(), Is.EqualTo("1"));
        Assert.That(root.GetProperty("pi_b")[2][1].GetString(), Is.EqualTo("0"));
        Assert.That(JsonElement.DeepEquals(root.GetProperty("pi_b")[1], expected.GetProperty("pi_b")[1]), Is.True);
        Assert.That(root.GetProperty("pi_c")[1].GetString(), Is.EqualTo(expected.GetProperty("pi_c")[1].GetString()));
        Assert.That(root.GetProperty("protocol").GetString(), Is.EqualTo("groth16"));
        Assert.That(json, Does.StartWith("{\n \"pi_a\": [\n  \""));
    }

    [Test]
    public void PublicSignals_RoundTrip()
    {
        (_, _, Fr[] signals) = LoadVector();
        Assert.That(PublicSignals.FromJson(PublicSignals.ToJson(signals)), Is.EqualTo(signals));
    }
}
