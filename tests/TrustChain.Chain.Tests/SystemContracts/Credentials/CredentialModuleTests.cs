using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Staking;

namespace TrustChain.Chain.Tests.SystemContracts.Credentials;

[TestFixture]
public sealed class CredentialModuleTests
{
    [Test]
    public void Install_registers_the_contract_at_0x1002_bound_to_the_staking_state()
    {
        BlockchainOptions options = new();
        StakingState staking = StakingModule.Install(options, ChainParameters.Default);
        CredentialRegistryState registry = CredentialModule.Install(options, ChainParameters.Default, staking);
        CredentialRegistryContract contract = options.SystemContracts.Contracts.OfType<CredentialRegistryContract>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(contract.Address, Is.EqualTo(CredentialRegistryState.ContractAddress));
            Assert.That(contract.State, Is.SameAs(registry));
            Assert.That(registry.Staking, Is.SameAs(staking));
        });
    }

    [Test]
    public void Install_rejects_parameters_other_than_stakings()
    {
        StakingState staking = new(ChainParameters.Default);
        ArgumentException? e = Assert.Throws<ArgumentException>(() => CredentialModule.Install(new BlockchainOptions(), new ChainParameters(), staking));
        Assert.That(e!.Message, Does.Contain("same chain parameters"));
    }

    [Test]
    public void Fee_shares_that_do_not_add_up_to_10000_bps_are_rejected()
    {
        ChainParameters parameters = new() { CredentialIssuerBps = 6_000, CredentialValidatorBps = 2_000, CredentialProverBps = 1_999 };
        ArgumentException? e = Assert.Throws<ArgumentException>(() => _ = new CredentialRegistryState(parameters, new StakingState(parameters)));
        Assert.That(e!.Message, Does.Contain("credential fee shares must add up to 10000 bps, got 9999"));
    }
}
