using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;

namespace TrustChain.Node.Cli;

/// <summary>The Staking contract's ABI from its own declarations (parameters do not affect the ABI).</summary>
public static class StakingAbi
{
    private static readonly Lazy<ContractAbi> Abi = new(() => new StakingContract(new StakingState(ChainParameters.Default)).Abi);

    public static ContractAbi Value => Abi.Value;
}
