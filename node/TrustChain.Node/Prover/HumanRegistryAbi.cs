using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;

namespace TrustChain.Node.Prover;

/// <summary>The HumanRegistry's ABI from the contract's own declarations (parameters do not affect the ABI).</summary>
public static class HumanRegistryAbi
{
    private static readonly Lazy<ContractAbi> Abi = new(() => new HumanRegistryContract(
        new HumanRegistryState(ChainParameters.Default, new HumanVerificationKeys()), new StakingState(ChainParameters.Default)).Abi);

    public static ContractAbi Value => Abi.Value;
}
