using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>Wires the ModelRegistry into a chain (after Staking, whose state it uses).</summary>
public static class ModelModule
{
    /// <summary>
    /// Registers the ModelRegistry contract in <paramref name="options"/>. <paramref name="humanProofs"/> is the
    /// HumanRegistry's oracle; without it, requireHuman models revert buyAccess.
    /// </summary>
    public static ModelRegistryState Install(BlockchainOptions options, ChainParameters parameters, StakingState staking,
        IHumanProofOracle? humanProofs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ModelRegistryState state = new(parameters, staking, humanProofs);
        options.SystemContracts.Register(new ModelRegistryContract(state));
        return state;
    }
}
