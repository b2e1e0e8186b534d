using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// HumanRegistry's selectors and topics against values computed by ethers; the checked-in ABI files themselves are checked
/// by <see cref="InstalledContractAbiFilesTests"/>.
/// </summary>
[TestFixture]
public sealed class HumanRegistryAbiFileTests
{
    private static readonly HumanRegistryContract Contract = new(
        new HumanRegistryState(ChainParameters.Default, new HumanVerificationKeys()), new StakingState(ChainParameters.Default));

    [TestCase("enroll(uint256,bytes32[])", "0xc47c4982")]
    [TestCase("verifyHuman(uint256,uint256,uint256,uint256,uint256,uint256[8],address)", "0x88e7b709")]
    [TestCase("deleteIdentity(uint256,uint256[2],uint256[3])", "0xba1dd252")]
    [TestCase("isValidHumanProof(uint256,uint256,uint256,uint256,uint256,uint256[8])", "0x7e9d1147")]
    public void Selectors_match_ethers(string signature, string selector) =>
        Assert.That(Contract.Abi.GetFunction(signature).Selector.ToString(), Is.EqualTo(selector));

    [Test]
    public void HumanEnrolled_topic_matches_ethers() =>
        Assert.That(HumanRegistryEvents.HumanEnrolled.Topic0.ToString()[..10], Is.EqualTo("0x860891e8"));
}
