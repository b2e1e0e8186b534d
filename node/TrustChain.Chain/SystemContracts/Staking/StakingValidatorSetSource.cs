using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;

namespace TrustChain.Chain.SystemContracts.Staking;

/// <summary>The next epoch's validators are Staking's active validator set after the boundary block.</summary>
public sealed class StakingValidatorSetSource : IValidatorSetSource
{
    private readonly StakingState _staking;

    public StakingValidatorSetSource(StakingState staking)
    {
        ArgumentNullException.ThrowIfNull(staking);
        _staking = staking;
    }

    public IReadOnlyList<GenesisValidator> GetNextValidators(IStateReader boundaryState, ulong boundary)
    {
        ArgumentNullException.ThrowIfNull(boundaryState);
        IReadOnlyList<ActiveValidator> active = _staking.GetActiveValidators(boundaryState, boundary + 1);
        GenesisValidator[] validators = new GenesisValidator[active.Count];
        for (int i = 0; i < validators.Length; i++)
        {
            ActiveValidator v = active[i];
            validators[i] = new GenesisValidator(v.Address, v.ConsensusPublicKey, v.Stake);
        }

        return validators;
    }
}
