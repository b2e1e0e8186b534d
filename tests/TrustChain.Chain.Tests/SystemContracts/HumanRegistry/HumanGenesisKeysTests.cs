using System.Text.Json.Nodes;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.Tests.Specs;
using TrustChain.Core;
using TrustChain.Zk.Groth16;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>genesis.json's humanVerificationKeys: parsed strictly, registered on the node, committed into the genesis state.</summary>
[TestFixture]
public sealed class HumanGenesisKeysTests
{
    [Test]
    public void Repo_genesis_carries_trustchain_keys_from_depth_1_up_that_are_not_the_official_ones()
    {
        ChainSpec spec = ChainSpec.Parse(RepoGenesis.Json);
        IReadOnlyList<GenesisVerificationKey> keys = spec.HumanVerificationKeys;
        Assert.That(keys, Is.Not.Empty);
        Assert.That(keys.Select(k => k.Depth), Is.EqualTo(Enumerable.Range(1, keys.Count)), "contiguous depths from 1 (the dev ceremony's)");
        HumanVerificationKeys registered = HumanVerificationKeys.FromGenesis(spec);
        foreach (GenesisVerificationKey entry in keys)
        {
            Assert.That(entry.Key.PublicInputCount, Is.EqualTo(HumanVerificationKeys.PublicSignalCount));
            Assert.That(entry.Key.ContentEquals(SemaphoreVerificationKeys.ForDepth(entry.Depth)), Is.False, $"depth {entry.Depth}");
            Assert.That(registered.ExtraKeys(entry.Depth), Has.Count.EqualTo(1));
            Assert.That(registered.ExtraKeys(entry.Depth)[0].ContentEquals(entry.Key), Is.True);
        }
    }

    [TestCase("0")]
    [TestCase("33")]
    [TestCase("01")]
    [TestCase("-1")]
    [TestCase("one")]
    public void A_key_for_a_depth_outside_1_to_32_is_rejected(string depth)
    {
        JsonObject json = RepoWithKeys(depth, ValidKeyJson());
        ChainSpecException e = Assert.Throws<ChainSpecException>(() => ChainSpec.Parse(json.ToJsonString()))!;
        Assert.That(e.Message, Does.Contain($"humanVerificationKeys.{depth}").And.Contain("tree depth 1..32"));
    }

    [Test]
    public void A_key_without_four_public_signals_is_rejected()
    {
        JsonObject key = ValidKeyJson();
        JsonArray ic = key["IC"]!.AsArray();
        ic.RemoveAt(ic.Count - 1);
        key["nPublic"] = 3;
        ChainSpecException e = Assert.Throws<ChainSpecException>(() => ChainSpec.Parse(RepoWithKeys("2", key).ToJsonString()))!;
        Assert.That(e.Message, Does.Contain("humanVerificationKeys.2").And.Contain("4 public signals"));
    }

    [Test]
    public void A_point_off_the_curve_is_rejected_with_the_field()
    {
        JsonObject key = ValidKeyJson();
        key["IC"]![0]![0] = "1";
        ChainSpecException e = Assert.Throws<ChainSpecException>(() => ChainSpec.Parse(RepoWithKeys("3", key).ToJsonString()))!;
        Assert.That(e.Message, Does.Contain("humanVerificationKeys.3").And.Contain("not a valid Groth16 verification key"));
    }

    [Test]
    public void Genesis_commits_to_the_registered_keys_so_nodes_with_other_keys_disagree_on_block_0()
    {
        HumanVerificationKeys vectorKeys = SemaphoreVector.VectorKeys();
        using HumanHarness withKeys = new(vectorKeys);
        using HumanHarness withoutKeys = new();
        using HumanHarness sameKeys = new(SemaphoreVector.VectorKeys());
        Hash256 stored = new ContractStorage(withKeys.Head, SystemContractAddresses.HumanRegistry).GetHash(HumanGenesisInitializer.KeysCommitmentSlot);
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(vectorKeys.Commitment()));
            Assert.That(new ContractStorage(withoutKeys.Head, SystemContractAddresses.HumanRegistry).GetHash(HumanGenesisInitializer.KeysCommitmentSlot),
                Is.EqualTo(Hash256.Zero));
            Assert.That(new HumanVerificationKeys().Commitment(), Is.Null);
            Assert.That(withKeys.Chain.GenesisHash, Is.Not.EqualTo(withoutKeys.Chain.GenesisHash));
            Assert.That(withKeys.Chain.GenesisHash, Is.EqualTo(sameKeys.Chain.GenesisHash));
        });
    }

    private static JsonObject ValidKeyJson() =>
        JsonNode.Parse(SemaphoreVerificationKeys.ForDepth(2).ToJson())!.AsObject();

    private static JsonObject RepoWithKeys(string depth, JsonObject key)
    {
        JsonObject json = JsonNode.Parse(RepoGenesis.Json)!.AsObject();
        json["humanVerificationKeys"] = new JsonObject { [depth] = key };
        return json;
    }
}
