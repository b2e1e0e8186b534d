using TrustChain.Consensus.Validators;
using TrustChain.Core;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// All prevotes and precommits of one height, by round, plus for each round the stake of the distinct validators
/// heard from (the f+1 round-skip rule counts any message type).
/// </summary>
public sealed class HeightVoteSet
{
    private readonly ulong _chainId;
    private readonly ValidatorSet _validators;
    private readonly Dictionary<int, VoteSet> _prevotes = [];
    private readonly Dictionary<int, VoteSet> _precommits = [];
    private readonly Dictionary<int, RoundSenders> _senders = [];

    public HeightVoteSet(ulong chainId, ulong height, ValidatorSet validators)
    {
        ArgumentNullException.ThrowIfNull(validators);
        _chainId = chainId;
        Height = height;
        _validators = validators;
    }

    public ulong Height { get; }

    public ValidatorSet Validators => _validators;

    /// <summary>Rounds for which at least one vote or proposal was recorded.</summary>
    public IEnumerable<int> Rounds => _senders.Keys;

    public AddVoteResult Add(Vote vote, bool trusted = false)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (vote.Height != Height)
        {
            return AddVoteResult.Invalid($"Vote {vote} is not for height {Height}.");
        }

        VoteSet set = GetOrCreate(vote.Type == VoteType.Prevote ? _prevotes : _precommits, vote.Round, vote.Type);
        AddVoteResult result = set.Add(vote, trusted);
        if (result.Status == AddVoteStatus.Added)
        {
            NoteSender(vote.Round, vote.Validator);
        }

        return result;
    }

    /// <summary>Counts a verified proposal's signer towards the round's f+1 activity.</summary>
    public void NoteSender(int round, in Address validator)
    {
        if (!_senders.TryGetValue(round, out RoundSenders? senders))
        {
            senders = new RoundSenders();
            _senders.Add(round, senders);
        }

        if (senders.Addresses.Add(validator))
        {
            senders.Power += _validators.VotingPowerOf(validator);
        }
    }

    public long SenderPower(int round) => _senders.TryGetValue(round, out RoundSenders? senders) ? senders.Power : 0;

    public VoteSet? Prevotes(int round) => _prevotes.GetValueOrDefault(round);

    public VoteSet? Precommits(int round) => _precommits.GetValueOrDefault(round);

    public IEnumerable<VoteSet> AllPrecommits => _precommits.Values;

    public IEnumerable<VoteSet> AllPrevotes => _prevotes.Values;

    private VoteSet GetOrCreate(Dictionary<int, VoteSet> sets, int round, VoteType type)
    {
        if (!sets.TryGetValue(round, out VoteSet? set))
        {
            set = new VoteSet(_chainId, Height, round, type, _validators);
            sets.Add(round, set);
        }

        return set;
    }

    private sealed class RoundSenders
    {
        public HashSet<Address> Addresses { get; } = [];

        public long Power { get; set; }
    }
}
