using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>Wires Staking into a chain: the contract, its epoch and slashing hooks, the evidence handler and its genesis records.</summary>
public static class StakingModule
{
    /// <summary>
    /// Registers the contract, the epoch and slashing hooks (the latter also as the evidence handler) and the genesis
    /// initializer in <paramref name="options"/>. Every node (and every tool opening a data dir) of a network must
    /// install it alike: the genesis hash and every block's state root depend on it.
    /// </summary>
    public static StakingState Install(BlockchainOptions options, ChainParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        StakingState staking = new(parameters);
        options.SystemContracts.Register(new StakingContract(staking));
        options.Hooks.Add(new StakingEpochHook(staking));
        SlashingHook slashing = new(new ValidatorSlashing(staking));
        options.Hooks.Add(slashing);
        options.Hooks.EvidenceHandler = slashing;
        options.GenesisInitializers.Add(new StakingGenesisInitializer(staking));
        options.ValidatorSets = new StakingValidatorSetSource(staking);
        return staking;
    }
}
