using System.Text.Json;
using TrustChain.Zk.Bn254;

namespace TrustChain.Zk.Tests.Bn254;

/// <summary>
/// Cross-checks against values computed by snarkjs/ffjavascript: the verification key's precomputed
/// e(α, β) and a real Groth16 proof, verified with one multi-pairing check.
/// </summary>
[TestFixture]
public class SnarkjsPairingTests
{
    private static JsonElement Snarkjs()
    {
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "vectors", "semaphore", "semaphore_v4_depth16_vector.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("snarkjs").Clone();
    }

    private static Fq F(JsonElement e) => Fq.Parse(e.GetString()!);

    private static Fq2 F2(JsonElement e) => new(F(e[0]), F(e[1]));

    private static G1Affine G1(JsonElement e)
    {
        G1Affine p = new(F(e[0]), F(e[1]));
        Assert.That(p.IsOnCurve, Is.True);
        return p;
    }

    private static G2Affine G2(JsonElement e)
    {
        G2Affine p = new(F2(e[0]), F2(e[1]));
        Assert.That(p.IsOnCurve && p.IsInSubgroup, Is.True);
        return p;
    }

    private static Fq6 F6(JsonElement e) => new(F2(e[0]), F2(e[1]), F2(e[2]));

    [Test]
    public void Pair_MatchesSnarkjsAlphaBeta()
    {
        JsonElement vk = Snarkjs().GetProperty("verificationKey");
        JsonElement ab = vk.GetProperty("vk_alphabeta_12");
        Fq12 expected = new(F6(ab[0]), F6(ab[1]));
        Assert.That(Pairing.Pair(G1(vk.GetProperty("vk_alpha_1")), G2(vk.GetProperty("vk_beta_2"))), Is.EqualTo(expected));
    }

    [TestCase(false, ExpectedResult = true)]
    [TestCase(true, ExpectedResult = false)]
    public bool Groth16Equation_HoldsForSnarkjsProof(bool tamper)
    {
        JsonElement s = Snarkjs();
        JsonElement vk = s.GetProperty("verificationKey");
        JsonElement proof = s.GetProperty("proof");
        JsonElement[] ic = [.. vk.GetProperty("IC").EnumerateArray()];
        Fr[] inputs = [.. s.GetProperty("publicSignals").EnumerateArray().Select(x => Fr.Parse(x.GetString()!))];
        if (tamper)
        {
            inputs[2] += Fr.One;
        }

        G1Affine[] bases = [.. ic.Skip(1).Select(G1)];
        G1Affine vkX = (Msm.Compute(bases, inputs) + G1(ic[0])).ToAffine();
        G1Affine[] g1 = [G1(proof.GetProperty("pi_a")).Negate(), G1(vk.GetProperty("vk_alpha_1")), vkX, G1(proof.GetProperty("pi_c"))];
        G2Affine[] g2 = [G2(proof.GetProperty("pi_b")), G2(vk.GetProperty("vk_beta_2")), G2(vk.GetProperty("vk_gamma_2")), G2(vk.GetProperty("vk_delta_2"))];
        return Pairing.PairingCheck(g1, g2);
    }
}
