using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Staking;

namespace TrustChain.Node.Hosting;

/// <summary>The native read APIs of the installed system contracts, for JSON-RPC modules, the prover and the explorer.</summary>
public sealed record SystemContractStates(
    StakingState Staking,
    HumanRegistryState Humans,
    CredentialRegistryState Credentials,
    ModelRegistryState Models);
