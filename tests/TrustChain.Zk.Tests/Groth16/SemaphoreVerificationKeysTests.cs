using System.Text.Json;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;

namespace TrustChain.Zk.Tests.Groth16;

public class SemaphoreVerificationKeysTests
{
    [TestCase(0)]
    [TestCase(33)]
    [TestCase(-1)]
    public void ForDepth_OutOfRange_Throws(int depth) =>
        Assert.That(() => SemaphoreVerificationKeys.ForDepth(depth), Throws.TypeOf<ArgumentOutOfRangeException>());

    [TestCase(1)]
    [TestCase(16)]
    [TestCase(32)]
    public void ForDepth_HasFourPublicInputsAndSharedAlpha(int depth)
    {
        VerificationKey vk = SemaphoreVerificationKeys.ForDepth(depth);
        using JsonDocument doc = Groth16TestFiles.SemaphoreVector();
        VerificationKey research = VerificationKey.FromJson(doc.RootElement.GetProperty("snarkjs").GetProperty("verificationKey"));

        Assert.That(vk.PublicInputCount, Is.EqualTo(4));
        Assert.That(vk.Alpha, Is.EqualTo(research.Alpha));
        Assert.That(vk.Gamma, Is.EqualTo(G2Affine.Generator));
        Assert.That(SemaphoreVerificationKeys.ForDepth(depth), Is.SameAs(vk));
    }

    [Test]
    public void ForDepth_DistinctDepths_HaveDistinctDeltas() =>
        Assert.That(SemaphoreVerificationKeys.ForDepth(2).Delta, Is.Not.EqualTo(SemaphoreVerificationKeys.ForDepth(3).Delta));

    /// <summary>The vector's note says it was made with a pre-release zkey whose δ differs from the production key.</summary>
    [Test]
    public void ResearchVector_DoesNotVerifyAgainstProductionDepth16Key()
    {
        using JsonDocument doc = Groth16TestFiles.SemaphoreVector();
        JsonElement snarkjs = doc.RootElement.GetProperty("snarkjs");
        Groth16Proof proof = Groth16Proof.FromJson(snarkjs.GetProperty("proof"));
        Fr[] signals = PublicSignals.FromJson(snarkjs.GetProperty("publicSignals"));
        Assert.That(Groth16Verifier.Verify(SemaphoreVerificationKeys.ForDepth(16), proof, signals), Is.False);
    }
}
