using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Blocks;

namespace TrustChain.Node.Hosting.Network;

/// <summary>
/// Validator sets from the Staking contract: heights (k·epochLength, (k+1)·epochLength] are voted on by the active
/// validators in the state after block k·epochLength (genesis for the first epoch), with voting power = whole TRUST
/// staked. Within an epoch proposer priorities advance one increment per height from the epoch's first height.
/// The state read is at most one epoch old, well inside the kept state history, and every node (including one that
/// syncs) has executed it before it needs the set.
/// </summary>
public sealed class StakingValidatorSetProvider : IValidatorSetProvider
{
    private readonly Blockchain _chain;
    private readonly StakingState _staking;
    private readonly ulong _epochLength;
    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, StaticValidatorSetProvider> _epochs = [];

    public StakingValidatorSetProvider(Blockchain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        _chain = chain;
        _staking = new StakingState(chain.Spec.Parameters);
        _epochLength = chain.Spec.Parameters.EpochLength;
    }

    public ValidatorSet GetValidatorSet(ulong height)
    {
        if (height == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(height), "Height 0 is genesis; validators sign from height 1.");
        }

        ulong epochStart = (height - 1) / _epochLength * _epochLength;
        StaticValidatorSetProvider epoch;
        lock (_lock)
        {
            if (!_epochs.TryGetValue(epochStart, out epoch!))
            {
                epoch = new StaticValidatorSetProvider(LoadValidators(epochStart));
                _epochs[epochStart] = epoch;

                // Sets of epochs long past are never asked for again in normal operation; keep the map small.
                _epochs.Remove(epochStart - (4 * _epochLength));
            }
        }

        return epoch.GetValidatorSet(height - epochStart);
    }

    /// <summary>Voting power of a stake: whole TRUST, at least 1.</summary>
    public static long VotingPower(UInt256 stake)
    {
        UInt256 trust = stake / (UInt256)ChainParameters.WeiPerTrust;
        UInt256 cap = (UInt256)(ulong)(ValidatorSet.MaxTotalVotingPower / 1024);
        return trust.IsZero ? 1 : (long)(ulong)(trust > cap ? cap : trust);
    }

    private List<Validator> LoadValidators(ulong epochStart)
    {
        BlockHeader header = _chain.GetHeader(epochStart)
            ?? throw new InvalidOperationException($"validator set of the epoch after block {epochStart} asked before that block is known (head {_chain.Head.Number})");
        IReadOnlyList<ActiveValidator> active = _staking.GetActiveValidators(_chain.GetState(header), epochStart + 1);
        if (active.Count == 0)
        {
            throw new InvalidOperationException($"no active validators in the state of block {epochStart}");
        }

        // The chain checked the boundary header's commitment to this very set; disagreeing would split the network.
        if (epochStart > 0)
        {
            Hash256 committed = ValidatorSetHash.Compute(new StakingValidatorSetSource(_staking).GetNextValidators(_chain.GetState(header), epochStart));
            if (committed != header.NextValidatorsHash)
            {
                throw new InvalidOperationException(
                    $"validator set after block {epochStart} hashes to {committed}, its header commits to {header.NextValidatorsHash}");
            }
        }

        List<Validator> validators = new(active.Count);
        foreach (ActiveValidator validator in active)
        {
            validators.Add(new Validator(validator.Address, validator.ConsensusPublicKey, VotingPower(validator.Stake)));
        }

        return validators;
    }
}
