using System.Text.Json;
using TrustChain.Core.Crypto;

namespace TrustChain.Core.Tests.Crypto;

public class EcRecoverPrecompileTests
{
    public static IEnumerable<TestCaseData> Vectors()
    {
        using JsonDocument doc = VectorFiles.Load("geth-precompiles", "ecRecover.json");
        foreach (JsonElement test in doc.RootElement.EnumerateArray())
        {
            yield return new TestCaseData(test.GetProperty("Input").GetString()!, test.GetProperty("Expected").GetString()!)
                .SetName("ecRecover_" + test.GetProperty("Name").GetString());
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Run_MatchesGethVector(string input, string expected)
    {
        Assert.That(Hex.ToHexString(EcRecoverPrecompile.Run(Hex.FromHexString(input)), withPrefix: false), Is.EqualTo(expected));
    }

    [Test]
    public void Run_ShortInput_IsZeroPadded()
    {
        PrivateKey key = new("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        Hash256 message = Keccak256.Compute([1, 2, 3]);
        EcdsaSignature signature = key.Sign(message);
        byte[] input = new byte[128];
        message.CopyTo(input);
        input[63] = signature.V;
        signature.WriteCompact(input.AsSpan(64));
        Assert.That(EcRecoverPrecompile.Run(input), Is.EqualTo(key.Address.ToWord32()));

        input[62] = 1; // v word must be exactly 27/28
        Assert.That(EcRecoverPrecompile.Run(input), Is.Empty);
        Assert.That(EcRecoverPrecompile.Run([]), Is.Empty);
    }
}
