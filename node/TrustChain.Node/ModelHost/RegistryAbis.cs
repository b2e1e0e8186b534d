using TrustChain.Chain.Abi;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Staking;

namespace TrustChain.Node.ModelHost;

/// <summary>
/// The ABIs of the registries, taken from the contracts' own declarations (the same source as the JSON ABI files), so
/// the tools cannot drift from what the node dispatches. Parameters only matter for execution, not for the ABI.
/// </summary>
public static class RegistryAbis
{
    private static readonly Lazy<StakingState> StakingForAbi = new(() => new StakingState(ChainParameters.Default));

    private static readonly Lazy<ContractAbi> CredentialAbi = new(() =>
        new CredentialRegistryContract(new CredentialRegistryState(ChainParameters.Default, StakingForAbi.Value)).Abi);

    private static readonly Lazy<ContractAbi> ModelAbi = new(() =>
        new ModelRegistryContract(new ModelRegistryState(ChainParameters.Default, StakingForAbi.Value)).Abi);

    public static ContractAbi CredentialRegistry => CredentialAbi.Value;

    public static ContractAbi ModelRegistry => ModelAbi.Value;
}
