using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>
/// Staking's selectors and topics against values computed by ethers; the checked-in ABI files themselves are checked
/// by <see cref="InstalledContractAbiFilesTests"/>.
/// </summary>
[TestFixture]
public sealed class StakingAbiFileTests
{
    private static readonly StakingContract Contract = new(new StakingState(ChainParameters.Default));

    [TestCase("stake(uint8)", "0x604f2177")]
    [TestCase("stakeValidator(bytes)", "0xd31ba7ea")]
    [TestCase("unstake(uint8,uint256)", "0xb4545b9e")]
    [TestCase("withdraw()", "0x3ccfd60b")]
    [TestCase("claimRewards()", "0x372500ab")]
    [TestCase("isActive(address,uint8)", "0x4390ea70")]
    [TestCase("members(uint8,uint256,uint256)", "0x837552f1")]
    public void Selectors_match_ethers(string signature, string selector) =>
        Assert.That(Contract.Abi.GetFunction(signature).Selector.ToString(), Is.EqualTo(selector));

    [Test]
    public void Staked_topic_matches_ethers() =>
        Assert.That(StakingEvents.Staked.Topic0.ToString()[..10], Is.EqualTo("0x0a797727"));
}
