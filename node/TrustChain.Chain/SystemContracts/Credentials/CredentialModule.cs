using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>Wires the CredentialRegistry into a chain. It has no genesis records and no block hooks.</summary>
public static class CredentialModule
{
    /// <summary>
    /// Registers the contract in <paramref name="options"/>; <paramref name="staking"/> is the state returned by
    /// <see cref="StakingModule.Install"/> on the same options. Every node of a network must install it alike.
    /// </summary>
    public static CredentialRegistryState Install(BlockchainOptions options, ChainParameters parameters, StakingState staking)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(staking);
        if (!ReferenceEquals(parameters, staking.Parameters))
        {
            throw new ArgumentException("the CredentialRegistry and Staking must run on the same chain parameters", nameof(staking));
        }

        CredentialRegistryState registry = new(parameters, staking);
        options.SystemContracts.Register(new CredentialRegistryContract(registry));
        return registry;
    }
}
