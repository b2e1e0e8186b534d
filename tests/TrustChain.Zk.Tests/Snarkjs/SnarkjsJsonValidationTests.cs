using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Groth16;
using TrustChain.Zk.Snarkjs;
using TrustChain.Zk.Tests.Groth16;

namespace TrustChain.Zk.Tests.Snarkjs;

/// <summary>Strict parsing: each malformed variant of the vector's JSON is rejected with a message naming the field.</summary>
public class SnarkjsJsonValidationTests
{
    private const string Q = "21888242871839275222246405745257275088696311157297823662689037894645226208583";
    private const string R = "21888242871839275222246405745257275088548364400416034343698204186575808495617";

    private static JsonNode Snarkjs()
    {
        using JsonDocument doc = Groth16TestFiles.SemaphoreVector();
        return JsonNode.Parse(doc.RootElement.GetProperty("snarkjs").GetRawText())!;
    }

    private static IEnumerable<TestCaseData> BadVerificationKeys()
    {
        yield return Case("protocol", n => n["protocol"] = "plonk");
        yield return Case("curve", n => n["curve"] = "bls12381");
        yield return Case("IC", n => n["nPublic"] = 3);
        yield return Case("vk_alpha_1[0]", n => n["vk_alpha_1"]![0] = Q);
        yield return Case("vk_alpha_1", n => n["vk_alpha_1"]![0] = "5");
        yield return Case("vk_beta_2", n => n["vk_beta_2"]![0]![0] = "5");
        yield return Case("vk_delta_2[1][1]", n => n["vk_delta_2"]![1]![1] = "x12");
        yield return Case("IC[2]", n => n["IC"]![2]![1] = "7");
        yield return Case("vk_gamma_2", n => n["vk_gamma_2"]!.AsArray().Add(new JsonArray("1", "0")));

        static TestCaseData Case(string field, Action<JsonNode> mutate) => new TestCaseData(field, mutate).SetArgDisplayNames(field);
    }

    [TestCaseSource(nameof(BadVerificationKeys))]
    public void VerificationKey_Malformed_IsRejectedNamingTheField(string field, Action<JsonNode> mutate)
    {
        JsonNode vk = Snarkjs()["verificationKey"]!;
        mutate(vk);
        Assert.That(() => VerificationKey.FromJson(vk.ToJsonString()), Throws.TypeOf<ZkFormatException>().With.Message.Contains(field));
    }

    [Test]
    public void G2_NotInSubgroup_IsRejected()
    {
        // The twist has a large cofactor, so the first point found with a small real x is almost surely outside G2.
        G2Affine point = FindTwistPointOutsideSubgroup();
        JsonNode vk = Snarkjs()["verificationKey"]!;
        vk["vk_delta_2"] = new JsonArray(
            new JsonArray(point.X.C0.ToString(), point.X.C1.ToString()),
            new JsonArray(point.Y.C0.ToString(), point.Y.C1.ToString()),
            new JsonArray("1", "0"));
        Assert.That(() => VerificationKey.FromJson(vk.ToJsonString()), Throws.TypeOf<ZkFormatException>().With.Message.Contains("subgroup"));
    }

    [Test]
    public void PublicSignal_NotBelowR_IsRejected()
    {
        Assert.That(() => PublicSignals.FromJson($"[\"1\", \"{R}\"]"), Throws.TypeOf<ZkFormatException>().With.Message.Contains("public signal 1"));
        Assert.That(() => PublicSignals.FromJson("[\"-1\"]"), Throws.TypeOf<ZkFormatException>());
        Assert.That(() => PublicSignals.FromJson("{}"), Throws.TypeOf<ZkFormatException>());
    }

    [Test]
    public void Proof_Malformed_IsRejected()
    {
        JsonNode proof = Snarkjs()["proof"]!;
        proof["pi_c"]!.AsArray().Add("2");
        Assert.That(() => Groth16Proof.FromJson(proof.ToJsonString()), Throws.TypeOf<ZkFormatException>().With.Message.Contains("pi_c"));
        Assert.That(() => Groth16Proof.FromJson("not json"), Throws.TypeOf<ZkFormatException>());
    }

    [Test]
    public void Infinity_RoundTripsInSnarkjsProjectiveForm()
    {
        Groth16Proof proof = new(G1Affine.Infinity, G2Affine.Infinity, G1Affine.Generator);
        string json = proof.ToJson();
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.That(doc.RootElement.GetProperty("pi_a")[1].GetString(), Is.EqualTo("1"));
        Assert.That(doc.RootElement.GetProperty("pi_a")[2].GetString(), Is.EqualTo("0"));
        Assert.That(Groth16Proof.FromJson(json), Is.EqualTo(proof));
    }

    private static G2Affine FindTwistPointOutsideSubgroup()
    {
        for (ulong x0 = 1; ; x0++)
        {
            Fq2 x = new(Fq.FromUInt64(x0), Fq.Zero);
            if ((x.Square() * x + G2Affine.B).TrySqrt(out Fq2 y))
            {
                G2Affine p = new(x, y);
                if (p.IsOnCurve && !p.IsInSubgroup)
                {
                    return p;
                }
            }
        }
    }
}
