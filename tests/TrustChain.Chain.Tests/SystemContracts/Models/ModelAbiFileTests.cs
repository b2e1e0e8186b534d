using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

/// <summary>
/// ModelRegistry's selectors and topics against values computed by ethers; the checked-in ABI files themselves are checked
/// by <see cref="InstalledContractAbiFilesTests"/>.
/// </summary>
[TestFixture]
public sealed class ModelAbiFileTests
{
    private static readonly ModelRegistryContract Contract = new(new ModelRegistryState(ChainParameters.Default, new StakingState(ChainParameters.Default)));

    [TestCase("registerModel(bytes32,bytes32,uint32,string,uint256,address[],uint16[],uint16,uint16,bool)", "0x54cfbb83")]
    [TestCase("buyAccess(uint256,uint64)", "0xcc3fa3db")]
    [TestCase("settle(uint256,address,uint64,bytes)", "0xd258a822")]
    [TestCase("reportUnauthorizedHost(uint256,address,bytes32,bytes32,bytes32[],bytes)", "0x3c5dae56")]
    [TestCase("challengeModel(uint256,uint256,bytes32[],bytes32[],bytes32[][],bytes[])", "0x2b9bee1b")]
    public void Selectors_match_ethers(string signature, string selector) =>
        Assert.That(Contract.Abi.GetFunction(signature).Selector.ToString(), Is.EqualTo(selector));
}
