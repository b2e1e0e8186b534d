using System.Text.Json.Nodes;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Staking.StakingHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

[TestFixture]
public sealed class StakingGenesisTests
{
    [Test]
    public void Genesis_validators_are_staked_with_their_keys_and_the_stake_is_minted_into_the_contract()
    {
        using StakingHarness h = new();
        GenesisValidator genesis = h.Chain.Spec.Validators.Single();
        Assert.Multiple(() =>
        {
            Assert.That(genesis.Stake, Is.EqualTo(1_000_000 * Trust), "the repo genesis");
            Assert.That(h.HeadNumber, Is.EqualTo(0UL));
            Assert.That(h.ViewUInt("stakeOf", genesis.Address, (byte)StakingRole.Validator), Is.EqualTo(genesis.Stake));
            Assert.That(h.ViewUInt("totalStake", (byte)StakingRole.Validator), Is.EqualTo(genesis.Stake));
            Assert.That(h.View("validatorKey", genesis.Address)[0], Is.EqualTo(CompressedKey(Key0)));
            Assert.That(h.View("members", (byte)StakingRole.Validator, UInt256.Zero, (UInt256)10)[0], Is.EqualTo(new object[] { Key0.Address }));
            Assert.That((bool)h.View("isActive", genesis.Address, (byte)StakingRole.Validator)[0], Is.True);
            Assert.That(h.ContractBalance, Is.EqualTo(genesis.Stake));
            Assert.That(h.Balance(Key0.Address), Is.EqualTo(h.Chain.Spec.Alloc.Single(a => a.Address == Key0.Address).Balance), "not taken from the alloc");
            Assert.That(h.Staking.GetActiveValidators(h.Head, 1), Has.Count.EqualTo(1));
            Assert.That(h.Staking.GetActiveValidators(h.Head, 1)[0].Address, Is.EqualTo(Key0.Address));
        });
        h.AssertBalanceInvariant();
    }

    [Test]
    public void Staking_state_is_part_of_the_genesis_hash_and_deterministic()
    {
        using StakingHarness a = new();
        using StakingHarness b = new();
        using TempChain withoutStaking = new(a.Chain.Spec);
        Assert.Multiple(() =>
        {
            Assert.That(a.Chain.GenesisHash, Is.EqualTo(b.Chain.GenesisHash));
            Assert.That(a.Chain.Head.StateRoot, Is.Not.EqualTo(withoutStaking.Chain.Head.StateRoot));
            Assert.That(a.Chain.GenesisHash, Is.Not.EqualTo(withoutStaking.Chain.GenesisHash));
        });
    }

    private static IEnumerable<TestCaseData> BadGenesis()
    {
        yield return new TestCaseData((Action<JsonObject>)(j => j["validators"]![0]!["publicKey"] = "0x" + Convert.ToHexString(CompressedKey(Key1)).ToLowerInvariant()),
            "validators[0].publicKey").SetName("Genesis_key_of_another_account_is_rejected");
        yield return new TestCaseData((Action<JsonObject>)(j => j["validators"]![0]!["stake"] = "9999000000000000000000"),
            "validators[0].stake").SetName("Genesis_stake_below_minimum_is_rejected");
        yield return new TestCaseData((Action<JsonObject>)(j => j["alloc"]!["0x0000000000000000000000000000000000001000"] = new JsonObject { ["balance"] = "1" }),
            "alloc[0x0000000000000000000000000000000000001000]").SetName("Genesis_alloc_to_the_staking_contract_is_rejected");
    }

    [TestCaseSource(nameof(BadGenesis))]
    public void Bad_genesis_for_staking_is_rejected_with_the_field(Action<JsonObject> edit, string field)
    {
        ChainSpecException? e = Assert.Throws<ChainSpecException>(() => new StakingHarness(edit).Dispose());
        Assert.That(e!.Field, Is.EqualTo(field));
    }
}
