using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Rpc.Modules.Eth;

namespace TrustChain.Rpc.Modules.Trust;

/// <summary>
/// What the trust_ module reads: the eth_ context (chain, block selectors, historical state) and the installed system
/// contracts' native read APIs, which must be the ones the chain was opened with.
/// </summary>
public sealed class TrustRpcContext
{
    /// <summary>Most entries one list call (trust_listCredentials, trust_listModels, trust_getRootHistory) returns.</summary>
    public const int MaxPageSize = 1000;

    public TrustRpcContext(EthRpcContext eth, StakingState staking, HumanRegistryState humans, CredentialRegistryState credentials, ModelRegistryState models)
    {
        ArgumentNullException.ThrowIfNull(eth);
        ArgumentNullException.ThrowIfNull(staking);
        ArgumentNullException.ThrowIfNull(humans);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(models);
        Eth = eth;
        Staking = staking;
        Humans = humans;
        Credentials = credentials;
        Models = models;
    }

    public EthRpcContext Eth { get; }

    public StakingState Staking { get; }

    public HumanRegistryState Humans { get; }

    public CredentialRegistryState Credentials { get; }

    public ModelRegistryState Models { get; }
}
