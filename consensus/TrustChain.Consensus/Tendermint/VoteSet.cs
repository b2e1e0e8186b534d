using TrustChain.Consensus.Evidence;
using TrustChain.Consensus.Validators;
using TrustChain.Core;
using TrustChain.Core.Blocks;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// The votes of one (height, round, type): at most one per validator, stake-weighted tallies per value (nil
/// included) and the +2/3 thresholds of the paper. A second, different vote by the same validator yields
/// <see cref="DuplicateVoteEvidence"/> and does not change the tallies.
/// </summary>
public sealed class VoteSet
{
    private readonly ValidatorSet _validators;
    private readonly ulong _chainId;
    private readonly Dictionary<Address, Vote> _votes = [];
    private readonly Dictionary<Hash256, ValueTally> _byValue = [];
    private long _totalPower;
    private Hash256? _majorityKey;

    public VoteSet(ulong chainId, ulong height, int round, VoteType type, ValidatorSet validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        _chainId = chainId;
        Height = height;
        Round = round;
        Type = type;
        _validators = validators;
    }

    public ulong Height { get; }

    public int Round { get; }

    public VoteType Type { get; }

    /// <summary>Stake of every validator that voted here, whatever the value (an equivocator counts once).</summary>
    public long TotalPower => _totalPower;

    public int Count => _votes.Count;

    /// <summary>
    /// Every counted vote, conflicting ones included: peers that decided with an equivocator's vote need others to
    /// relay exactly that vote, or they could never assemble the same quorum.
    /// </summary>
    public IEnumerable<Vote> Votes
    {
        get
        {
            foreach (ValueTally tally in _byValue.Values)
            {
                foreach (Vote vote in tally.Votes.Values)
                {
                    yield return vote;
                }
            }
        }
    }

    /// <param name="trusted">Skip the signature check: the vote was signed by this node's own private validator.</param>
    /// <remarks>
    /// A validator's second, different vote is evidence. It is also counted for its value when that value already
    /// has another voter (or is nil): quorums are sets of signed votes, so counting it keeps safety, and it is what
    /// lets an honest node that saw the "other" vote first still reach the quorum its peers decided on. Requiring
    /// another voter bounds what one equivocator can make us store to one vote per value honest nodes vote for.
    /// </remarks>
    public AddVoteResult Add(Vote vote, bool trusted = false)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (vote.Height != Height || vote.Round != Round || vote.Type != Type)
        {
            return AddVoteResult.Invalid($"Vote {vote} does not belong to the set h={Height} r={Round} {Type}.");
        }

        if (!_validators.TryGetValidator(vote.Validator, out Validator validator))
        {
            return AddVoteResult.Invalid($"{vote.Validator} is not a validator at height {Height}.");
        }

        Hash256 key = vote.BlockHash ?? Hash256.Zero;
        if (_votes.TryGetValue(vote.Validator, out Vote? existing))
        {
            // Gossip repeats votes constantly; a vote already counted must not cost a signature recovery.
            if (_byValue.TryGetValue(key, out ValueTally? known) && known.Votes.ContainsKey(vote.Validator))
            {
                return AddVoteResult.Duplicate;
            }

            if (!trusted && !vote.VerifySignature(_chainId))
            {
                return AddVoteResult.Invalid($"Bad signature on {vote}.");
            }

            if (existing.BlockHash == vote.BlockHash)
            {
                return AddVoteResult.Duplicate;
            }

            if (vote.IsNil || known is not null)
            {
                Tally(key, vote, validator.VotingPower);
            }

            return new AddVoteResult(AddVoteStatus.Conflict, new DuplicateVoteEvidence(existing, vote));
        }

        if (!trusted && !vote.VerifySignature(_chainId))
        {
            return AddVoteResult.Invalid($"Bad signature on {vote}.");
        }

        _votes.Add(vote.Validator, vote);
        _totalPower += validator.VotingPower;
        Tally(key, vote, validator.VotingPower);
        return AddVoteResult.Added;
    }

    public bool TryGetVote(in Address validator, out Vote vote) => _votes.TryGetValue(validator, out vote!);

    /// <summary>Stake for <paramref name="blockHash"/> (null = nil).</summary>
    public long PowerFor(Hash256? blockHash) => _byValue.TryGetValue(blockHash ?? Hash256.Zero, out ValueTally? tally) ? tally.Power : 0;

    /// <summary>+2/3 of the stake voted for one value; <paramref name="blockHash"/> is null when that value is nil.</summary>
    public bool HasTwoThirdsMajority(out Hash256? blockHash)
    {
        if (_majorityKey is { } key)
        {
            blockHash = key.IsZero ? null : key;
            return true;
        }

        blockHash = null;
        return false;
    }

    public bool HasTwoThirdsFor(Hash256? blockHash) => _validators.HasTwoThirdsMajority(PowerFor(blockHash));

    /// <summary>+2/3 of the stake voted, for any mix of values.</summary>
    public bool HasTwoThirdsAny => _validators.HasTwoThirdsMajority(_totalPower);

    /// <summary>The precommits for <paramref name="blockHash"/> as a block commit, signatures ordered by validator address.</summary>
    public Commit MakeCommit(in Hash256 blockHash)
    {
        if (Type != VoteType.Precommit)
        {
            throw new InvalidOperationException("Only precommits form a commit.");
        }

        if (!HasTwoThirdsFor(blockHash))
        {
            throw new InvalidOperationException($"No +2/3 precommits for {blockHash} at h={Height} r={Round}.");
        }

        List<CommitSignature> signatures = [];
        foreach (Vote vote in _byValue[blockHash].Votes.Values)
        {
            signatures.Add(new CommitSignature(vote.Validator, vote.Signature));
        }

        signatures.Sort(static (a, b) => a.ValidatorAddress.CompareTo(b.ValidatorAddress));
        return new Commit(Height, (uint)Round, blockHash, signatures);
    }

    private void Tally(in Hash256 key, Vote vote, long power)
    {
        if (!_byValue.TryGetValue(key, out ValueTally? tally))
        {
            tally = new ValueTally();
            _byValue.Add(key, tally);
        }

        tally.Votes.Add(vote.Validator, vote);
        tally.Power += power;
        if (_majorityKey is null && _validators.HasTwoThirdsMajority(tally.Power))
        {
            _majorityKey = key;
        }
    }

    private sealed class ValueTally
    {
        public Dictionary<Address, Vote> Votes { get; } = [];

        public long Power { get; set; }
    }
}
