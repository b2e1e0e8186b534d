using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>Wires Staking into a chain: the contract, its epoch hook and its genesis records.</summary>
public static class StakingModule
{
    /// <summary>
    /// Registers the contract, the epoch hook and the genesis initializer in <paramref name="options"/>. Every node
    /// (and every tool opening a data dir) of a network must install it alike: the genesis hash depends on it.
    /// </summary>
    public static StakingState Install(BlockchainOptions options, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        StakingState staking = new(parameters);
        options.SystemContracts.Register(new StakingContract(staking));
        options.Hooks.Add(new StakingEpochHook(staking));
        options.GenesisInitializers.Add(new StakingGenesisInitializer(staking));
        return staking;
    }
}
