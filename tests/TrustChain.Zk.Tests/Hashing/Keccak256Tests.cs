using System.Text;
using System.Text.Json;
using TrustChain.Zk.Hashing;
using TrustChain.Zk.Tests.Poseidon;

namespace TrustChain.Zk.Tests.Hashing;

public class Keccak256Tests
{
    [TestCase("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [TestCase("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Hash_KnownAnswers(string text, string expectedHex) =>
        Assert.That(Convert.ToHexStringLower(Keccak256.Hash(Encoding.ASCII.GetBytes(text))), Is.EqualTo(expectedHex));

    private static IEnumerable<TestCaseData> PeerVectors()
    {
        using JsonDocument doc = ZkTestFiles.ReadFixture("hash_vectors.json");
        foreach (JsonElement v in doc.RootElement.GetProperty("keccak256").EnumerateArray())
        {
            string input = v.GetProperty("input").GetString()!;
            yield return new TestCaseData(input, v.GetProperty("output").GetString()!).SetArgDisplayNames($"len{input.Length / 2}");
        }
    }

    [TestCaseSource(nameof(PeerVectors))]
    public void Hash_MatchesEthersPeer(string inputHex, string expectedHex) =>
        Assert.That(Convert.ToHexStringLower(Keccak256.Hash(Convert.FromHexString(inputHex))), Is.EqualTo(expectedHex));

    [Test]
    public void LivePeer_BlakeAndKeccakAgreeOnFreshRandomInputs()
    {
        using JsonDocument doc = ZkTestFiles.RunPeer("hash-vectors.mjs");
        foreach (JsonElement v in doc.RootElement.GetProperty("keccak256").EnumerateArray())
        {
            byte[] input = Convert.FromHexString(v.GetProperty("input").GetString()!);
            Assert.That(Convert.ToHexStringLower(Keccak256.Hash(input)), Is.EqualTo(v.GetProperty("output").GetString()));
        }

        foreach (JsonElement v in doc.RootElement.GetProperty("blake512").EnumerateArray())
        {
            byte[] input = Convert.FromHexString(v.GetProperty("input").GetString()!);
            Assert.That(Convert.ToHexStringLower(Blake512.Hash(input)), Is.EqualTo(v.GetProperty("output").GetString()));
        }
    }
}
