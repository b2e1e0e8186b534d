using System.Text.Json;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Core;
using TrustChain.Zk.Groth16;
using static TrustChain.Chain.Tests.SystemContracts.HumanRegistry.HumanHarness;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// The published Semaphore v4 depth-16 vector (tests/vectors/semaphore): a group of leaves 1, 2 and identity "secret",
/// and a proof made by @semaphore-protocol/proof that verifies only with the vector's own key, which the tests register
/// as a TrustChain key.
/// </summary>
internal static class SemaphoreVector
{
    public const int VectorDepth = 16;
    public static readonly Address ProverAccount = Address.Parse("0x00000000000000000000000000000000c0ffee01");
    public static readonly Lazy<JsonDocument> Vector = new(() => JsonDocument.Parse(File.ReadAllText(
        Path.Combine(TestContext.CurrentContext.TestDirectory, "vectors", "semaphore", "semaphore_v4_depth16_vector.json"))));

    public static JsonElement VectorProof => Vector.Value.RootElement.GetProperty("semaphoreProof");

    public static UInt256 VectorValue(string name) => UInt256.Parse(VectorProof.GetProperty(name).GetString()!);

    public static UInt256[] VectorPoints => VectorProof.GetProperty("points").EnumerateArray().Select(p => UInt256.Parse(p.GetString()!)).ToArray();

    public static object?[] VectorArgs(UInt256[]? points = null, UInt256? scope = null) =>
        [(UInt256)VectorDepth, VectorValue("merkleTreeRoot"), VectorValue("nullifier"), VectorValue("message"), scope ?? VectorValue("scope"), points ?? VectorPoints];

    public static object?[] WithProver(object?[] proofArgs, Address prover) => [.. proofArgs, prover];

    public static HumanVerificationKeys VectorKeys()
    {
        HumanVerificationKeys keys = new();
        keys.Register(VectorDepth, VerificationKey.FromJson(Vector.Value.RootElement.GetProperty("snarkjs").GetProperty("verificationKey")));
        return keys;
    }

    /// <summary>The vector's group: leaves 1, 2 and the commitment of identity "secret".</summary>
    public static void EnrolVectorGroup(HumanHarness h)
    {
        foreach ((JsonElement leaf, int i) in Vector.Value.RootElement.GetProperty("group").GetProperty("leaves").EnumerateArray().Select((e, i) => (e, i)))
        {
            h.Enroll(UInt256.Parse(leaf.GetString()!), Tags($"vector/{i}"));
        }

        Assert.That(h.Human.GetRoot(h.Head), Is.EqualTo(VectorValue("merkleTreeRoot")));
    }
}
