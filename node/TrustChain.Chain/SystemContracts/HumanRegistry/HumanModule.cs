using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;

namespace TrustChain.Chain.SystemContracts.HumanRegistry;

/// <summary>Wires the HumanRegistry into a chain: the contract, the end-of-block tree update and the header's humanSetRoot.</summary>
public static class HumanModule
{
    /// <summary>
    /// Registers the contract at 0x…1001 and makes the set's root the headers' humanSetRoot. Install after
    /// <see cref="StakingModule"/> (operators' stake and the fee pools live there). Every node of a network must
    /// install it alike, with the same <paramref name="verificationKeys"/> (a node passes its genesis.json keys,
    /// <see cref="HumanVerificationKeys.FromGenesis"/>); the set starts empty, and genesis commits to the extra keys.
    /// </summary>
    public static HumanRegistryState Install(BlockchainOptions options, ChainParameters parameters, StakingState staking,
        HumanVerificationKeys? verificationKeys = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(staking);
        HumanRegistryState human = new(parameters, verificationKeys ?? new HumanVerificationKeys());
        options.SystemContracts.Register(new HumanRegistryContract(human, staking));
        options.GenesisInitializers.Add(new HumanGenesisInitializer(human.VerificationKeys));
        options.Hooks.Add(new HumanSetBlockHook(human));
        options.Hooks.HumanSetRootProvider = human;
        return human;
    }
}
