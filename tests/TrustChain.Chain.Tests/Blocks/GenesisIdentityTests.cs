using System.Text.Json.Nodes;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;

namespace TrustChain.Chain.Tests.Blocks;

/// <summary>Block 0 must identify its network: a data dir of one network must not open as another.</summary>
public sealed class GenesisIdentityTests
{
    [TestCase("chainId", "7358")]
    [TestCase("name", "\"trustchain-other\"")]
    [TestCase("extraData", "\"0x01\"")]
    public void Genesis_hash_commits_to_field_the_header_has_no_slot_for(string field, string jsonValue)
    {
        ChainSpec changed = ChainTestKit.ModifiedSpec(json => json[field] = JsonNode.Parse(jsonValue));

        using TempChain original = new();
        using TempChain other = new(changed);

        Assert.That(other.Chain.GenesisHash, Is.Not.EqualTo(original.Chain.GenesisHash));
        Assert.That(other.Chain.Head.StateRoot, Is.EqualTo(original.Chain.Head.StateRoot), "only the identity differs");
    }

    [Test]
    public void Data_dir_of_one_chain_id_refuses_to_open_as_another()
    {
        using TempChain chain = new();
        ChainSpec changed = ChainTestKit.ModifiedSpec(json => json["chainId"] = 7358);

        Assert.Throws<GenesisMismatchException>(() => chain.Reopen(changed));
    }
}
