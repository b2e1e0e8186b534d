using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>
/// Records the genesis validators as Validator-role stakers with their consensus keys, minting their stakes into the
/// Staking contract's balance (genesis stake is new supply, not taken from the alloc).
/// </summary>
public sealed class StakingGenesisInitializer : IGenesisInitializer
{
    private readonly StakingState _staking;

    public StakingGenesisInitializer(StakingState staking)
    {
        ArgumentNullException.ThrowIfNull(staking);
        _staking = staking;
    }

    public void Initialize(WorldState state, ChainSpec spec)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(spec);
        Address contract = StakingState.ContractAddress;
        for (int i = 0; i < spec.Alloc.Count; i++)
        {
            if (spec.Alloc[i].Address == contract)
            {
                throw new ChainSpecException($"alloc[{contract}]", "the Staking contract's balance is exactly what it owes stakers; it cannot be pre-funded");
            }
        }

        UInt256 minimum = _staking.MinimumStake(StakingRole.Validator);
        StakingLedger ledger = _staking.Ledger(new ContractStorage(state, contract, readOnly: false), emit: null);
        for (int i = 0; i < spec.Validators.Count; i++)
        {
            GenesisValidator validator = spec.Validators[i];
            string field = $"validators[{i}]";
            if (ConsensusKey.Check(validator.PublicKey, validator.Address) is { } error)
            {
                throw new ChainSpecException(field + ".publicKey", error);
            }

            if (validator.Stake < minimum)
            {
                throw new ChainSpecException(field + ".stake", $"{validator.Stake} is below params.minValidatorStake {minimum}");
            }

            ledger.SetValidatorKey(validator.Address, validator.PublicKey);
            ledger.AddStake(validator.Address, StakingRole.Validator, validator.Stake);
            state.AddBalance(contract, validator.Stake);
        }
    }
}
