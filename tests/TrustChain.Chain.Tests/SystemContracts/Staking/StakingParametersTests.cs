using System.Text.Json.Nodes;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

[TestFixture]
public sealed class StakingParametersTests
{
    [Test]
    public void Defaults_match_the_design()
    {
        ChainParameters d = ChainParameters.Default;
        UInt256 trust = 1_000_000_000_000_000_000UL;
        Assert.Multiple(() =>
        {
            Assert.That(d.UnbondingBlocks, Is.EqualTo(604_800UL));
            Assert.That(d.MinimumStake(StakingRole.Validator), Is.EqualTo(10_000 * trust));
            Assert.That(d.MinimumStake(StakingRole.EnrollmentOperator), Is.EqualTo(1_000 * trust));
            Assert.That(d.MinimumStake(StakingRole.Issuer), Is.EqualTo(100_000 * trust));
            Assert.That(d.MinimumStake(StakingRole.Prover), Is.EqualTo(1_000 * trust));
            Assert.That(d.MinimumStake(StakingRole.ModelHost), Is.EqualTo(1_000 * trust));
            Assert.That(ChainTestKit.RepoSpec.Parameters.MinIssuerStake, Is.EqualTo(d.MinIssuerStake), "genesis.json states the defaults");
        });
    }

    [Test]
    public void Parameters_are_read_from_genesis()
    {
        ChainSpec spec = ChainTestKit.ModifiedSpec(j =>
        {
            j["params"]!["unbondingBlocks"] = 9;
            j["params"]!["minProverStake"] = "0x10";
            j["params"]!["minValidatorStake"] = 12345;
        });
        Assert.Multiple(() =>
        {
            Assert.That(spec.Parameters.UnbondingBlocks, Is.EqualTo(9UL));
            Assert.That(spec.Parameters.MinProverStake, Is.EqualTo((UInt256)16u));
            Assert.That(spec.Parameters.MinValidatorStake, Is.EqualTo((UInt256)12345u));
        });
    }

    [TestCase("unbondingBlocks", 0)]
    [TestCase("minValidatorStake", "0")]
    [TestCase("minEnrollmentOperatorStake", "0x0")]
    [TestCase("minIssuerStake", 0)]
    [TestCase("minProverStake", "-1")]
    [TestCase("minModelHostStake", "abc")]
    public void Invalid_parameters_are_rejected_with_their_field(string key, object value)
    {
        ChainSpecException? e = Assert.Throws<ChainSpecException>(() => ChainTestKit.ModifiedSpec(j =>
            j["params"]![key] = value is int i ? JsonValue.Create(i) : JsonValue.Create((string)value)));
        Assert.That(e!.Field, Is.EqualTo("params." + key));
    }

    [Test]
    public void Unknown_role_has_no_minimum() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChainParameters.Default.MinimumStake((StakingRole)5));
}
